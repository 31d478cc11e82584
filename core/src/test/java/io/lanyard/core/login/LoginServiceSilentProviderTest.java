package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.testing.InMemoryUsers;
import io.lanyard.core.testing.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A provider that accepts connections and never answers (the security review's MEDIUM finding): six login starts in
 * parallel used to queue behind each other's fetch (done at 10, 20, … 60 s) and, by the hundred, starved the product's
 * own login page. Now they share one fetch and each waits at most the bounded time.
 */
class LoginServiceSilentProviderTest {

    private final ServerSocket silent;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final ExecutorService browsers = Executors.newFixedThreadPool(6);

    LoginServiceSilentProviderTest() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    accepted.add(silent.accept()); // and never a byte back
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-provider");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws IOException {
        browsers.shutdownNow();
        silent.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @Test
    void sixParallelLoginStartsShareOneFetchAndNoneWaitsLongerThanOneBoundedFetch() {
        Duration responseTimeout = Duration.ofSeconds(1);
        LoginService service = LoginService.create(new ConfigurationHolder(new LanyardConfiguration(List.of(
                IdentityProviderConfig.builder().id("Silent").displayName("Silent")
                        .discoveryUrl("http://localhost:" + silent.getLocalPort() + "/realms/a").clientId("c")
                        .clientSecret(StoredSecret.plaintext(Secret.of("s"))).build()))),
                ClientSecretResolver.fileOnly(), InMemoryUsers.standard(), () -> URI.create("https://jira.example.com"),
                new MutableClock(), new HttpLimits(responseTimeout, responseTimeout, 64 * 1024));

        // Six queued fetches would take six response timeouts; the bound is well below that.
        List<ErrorCode> codes = assertTimeoutPreemptively(responseTimeout.multipliedBy(4), () -> {
            List<Future<LoginRedirect>> starts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                starts.add(browsers.submit((Callable<LoginRedirect>) () -> service.startLogin("Silent", "/")));
            }
            List<ErrorCode> failures = new ArrayList<>();
            for (Future<LoginRedirect> start : starts) {
                try {
                    start.get();
                } catch (ExecutionException e) {
                    failures.add(((LanyardException) e.getCause()).errorCode());
                }
            }
            return failures;
        });

        assertThat(codes).hasSize(6).containsOnly(ErrorCode.DISCOVERY_UNREACHABLE);
        assertThat(connections).as("one fetch for all six").hasValue(1);
    }
}
