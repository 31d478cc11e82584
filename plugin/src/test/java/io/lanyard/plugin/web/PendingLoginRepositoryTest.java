package io.lanyard.plugin.web;

import static io.lanyard.plugin.web.Fixtures.NOW;
import static io.lanyard.plugin.web.Fixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.lanyard.core.login.PendingLogin;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;

class PendingLoginRepositoryTest {

    private final PendingLoginRepository repository = new PendingLoginRepository(Clock.fixed(NOW, ZoneOffset.UTC));
    private final HttpSession session = FakeHttp.session();

    private FakeHttp.Request request() {
        return FakeHttp.get("/").withSession(session);
    }

    @Test
    void takeReturnsTheSavedLoginOnceOnly() {
        repository.save(request().mock, pending("s1"));

        assertThat(repository.take(request().mock, "s1")).contains(pending("s1"));
        assertThat(repository.take(request().mock, "s1")).isEmpty();
    }

    @Test
    void takeOfUnknownStateLeavesOtherLoginsInPlace() {
        repository.save(request().mock, pending("s1"));

        assertThat(repository.take(request().mock, "forged")).isEmpty();
        assertThat(repository.take(request().mock, "s1")).isPresent();
    }

    @Test
    void takeWithoutSessionIsEmptyAndCreatesNoSession() {
        FakeHttp.Request request = FakeHttp.get("/plugins/servlet/lanyard/callback/idp1");

        assertThat(repository.take(request.mock, "s1")).isEmpty();

        verify(request.mock, never()).getSession(true);
        verify(request.mock, never()).getSession();
        assertThat(request.currentSession()).isNull();
    }

    @Test
    void saveCreatesTheSession() {
        FakeHttp.Request request = FakeHttp.get("/login");

        repository.save(request.mock, pending("s1"));

        assertThat(request.currentSession()).isNotNull();
        assertThat(repository.take(request.mock, "s1")).isPresent();
    }

    @Test
    void keepsAtMostFivePerSessionDroppingTheOldest() {
        for (int i = 1; i <= 7; i++) {
            repository.save(request().mock, pending("s" + i));
        }

        assertThat(repository.take(request().mock, "s1")).isEmpty();
        assertThat(repository.take(request().mock, "s2")).isEmpty();
        for (int i = 3; i <= 7; i++) {
            assertThat(repository.take(request().mock, "s" + i)).as("s" + i).isPresent();
        }
    }

    @Test
    void dropsExpiredLoginsBeforeTheOldestValidOne() {
        repository.save(request().mock, pending("valid-oldest"));
        for (int i = 1; i <= 3; i++) {
            repository.save(request().mock, pending("expired" + i, NOW.minusSeconds(1)));
        }
        repository.save(request().mock, pending("valid2"));
        repository.save(request().mock, pending("valid3"));

        assertThat(repository.take(request().mock, "valid-oldest")).isPresent();
        assertThat(repository.take(request().mock, "expired1")).isEmpty();
        assertThat(repository.take(request().mock, "valid3")).isPresent();
    }

    @Test
    void handsOutAnExpiredLoginSoTheCoreCanReportExpiry() {
        repository.save(request().mock, pending("old", NOW.minusSeconds(1)));

        assertThat(repository.take(request().mock, "old")).isPresent();
    }

    @Test
    void concurrentTakesOfOneStateYieldTheLoginExactlyOnce() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 50; round++) {
                repository.save(request().mock, pending("race" + round));
                CountDownLatch start = new CountDownLatch(1);
                String state = "race" + round;
                List<Future<Optional<PendingLogin>>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Callable<Optional<PendingLogin>> take = () -> {
                        start.await();
                        return repository.take(request().mock, state);
                    };
                    results.add(pool.submit(take));
                }
                start.countDown();
                int winners = 0;
                for (Future<Optional<PendingLogin>> result : results) {
                    winners += result.get().isPresent() ? 1 : 0;
                }
                assertThat(winners).as("round " + round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
