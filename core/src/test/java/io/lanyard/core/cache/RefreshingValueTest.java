package io.lanyard.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How readers share a fetch from a provider that may be slow or never answer: one fetch in flight, readers with a
 * value never wait for it, readers without one wait a bounded time, and the interval between fetches counts from the
 * end of an attempt. A fetch "that never answers" blocks on a latch the test releases only at its end, so a reader
 * that returns at all did not wait for it.
 */
class RefreshingValueTest {

    private static final Duration TTL = Duration.ofMinutes(15);
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration MAX_WAIT = Duration.ofMillis(300);

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger fetches = new AtomicInteger();
    private final CountDownLatch neverAnswers = new CountDownLatch(1);
    private final ExecutorService readers = Executors.newFixedThreadPool(6);
    private volatile Supplier<String> provider = () -> "v" + fetches.get();

    private final RefreshingValue<String> value = new RefreshingValue<>("test value", () -> {
        fetches.incrementAndGet();
        return provider.get();
    }, clock, TTL, INTERVAL, MAX_WAIT, ErrorCode.DISCOVERY_UNREACHABLE);

    @AfterEach
    void releaseTheProvider() {
        neverAnswers.countDown();
        readers.shutdownNow();
    }

    private String hang() {
        try {
            neverAnswers.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "too late";
    }

    private static LoginFailedException down() {
        return new LoginFailedException(ErrorCode.DISCOVERY_UNREACHABLE, "down");
    }

    @Test
    void sixReadersWithoutAValueShareOneFetchOfAProviderThatNeverAnswersAndEachWaitsOnlyTheBoundedTime() {
        provider = this::hang;

        List<Throwable> failures = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(readers.submit((Callable<String>) value::get));
            }
            List<Throwable> thrown = new ArrayList<>();
            for (Future<String> result : results) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    thrown.add(e.getCause());
                }
            }
            return thrown;
        });

        assertThat(failures).hasSize(6).allSatisfy(failure -> assertThat(((LanyardException) failure).errorCode())
                .isEqualTo(ErrorCode.DISCOVERY_UNREACHABLE));
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aReaderWithAStaleValueGetsItAtOnceWhileTheRefreshHangs() {
        assertThat(value.get()).isEqualTo("v1");
        clock.advance(TTL.plusSeconds(1));
        provider = this::hang;

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < 6; i++) {
                assertThat(value.get()).isEqualTo("v1");
            }
        });
        awaitFetches(2);
        assertThat(fetches).hasValue(2); // one refresh for all six
    }

    @Test
    void aStaleValueIsReplacedByTheBackgroundRefresh() throws InterruptedException {
        value.get();
        clock.advance(TTL.plusSeconds(1));

        assertThat(value.get()).isEqualTo("v1");
        awaitFetches(2);
        for (int i = 0; i < 100 && !value.get().equals("v2"); i++) {
            Thread.sleep(10);
        }
        assertThat(value.get()).isEqualTo("v2");
    }

    @Test
    void theIntervalBetweenFetchesCountsFromTheEndOfAnAttempt() {
        Duration longAttempt = Duration.ofSeconds(30);
        provider = () -> {
            clock.advance(longAttempt); // the attempt itself took longer than the interval
            throw down();
        };
        assertThatThrownBy(value::get).isInstanceOf(LoginFailedException.class);

        clock.advance(INTERVAL.minusSeconds(1));
        assertThatThrownBy(value::get).isInstanceOf(LoginFailedException.class);
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofSeconds(2));
        provider = () -> "back";
        assertThat(value.get()).isEqualTo("back");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void refreshIfAllowedWithinTheIntervalReturnsTheValueHeldWithoutFetching() {
        value.get();

        assertThat(value.refreshIfAllowed()).isEqualTo("v1");
        assertThat(fetches).hasValue(1);
    }

    @Test
    void refreshNowFetchesHoweverRecentTheLastFetch() {
        value.get();

        assertThat(value.refreshNow()).isEqualTo("v2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void refreshNowFromManyReadersIsStillOneFetchAtATime() throws Exception {
        value.get();
        provider = this::hang;
        CountDownLatch allAsked = new CountDownLatch(6);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(readers.submit(() -> {
                allAsked.countDown();
                return value.refreshNow();
            }));
        }
        assertThat(allAsked.await(5, TimeUnit.SECONDS)).isTrue();

        // while the one refresh hangs, every reader joins it (each gets the value held after its bounded wait)
        for (Future<String> result : results) {
            assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("v1");
        }
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aFailedRefreshKeepsTheValueHeld() {
        value.get();
        provider = () -> {
            throw down();
        };

        assertThat(value.refreshNow()).isEqualTo("v1");
        assertThat(value.get()).isEqualTo("v1");
    }

    @Test
    void withinTheIntervalAReaderWithoutAValueGetsTheLastFailureAgainWithoutAFetch() {
        provider = () -> {
            throw down();
        };
        assertThatThrownBy(value::get).hasMessage("down");

        assertThatThrownBy(value::get).hasMessage("down");
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aFetcherThatFailsOtherwiseThanWithACodeEndsAsUnreachable() {
        provider = () -> {
            throw new IllegalStateException("bug in a parser");
        };

        assertThatThrownBy(value::get).isInstanceOfSatisfying(LanyardException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DISCOVERY_UNREACHABLE));
    }

    private void awaitFetches(int expected) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            while (fetches.get() < expected) {
                Thread.sleep(5);
            }
        });
    }
}
