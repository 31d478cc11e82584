package io.lanyard.sandbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.ClusterState;
import io.lanyard.core.session.LanyardSession;
import io.lanyard.core.session.SessionRevocations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's cluster port on a real two-member Hazelcast cluster (two members in this JVM, on 127.0.0.1, as two
 * sandboxes sharing a home are): what one node records or tells, the other acts on. One cluster for all the tests.
 */
class HazelcastClusterStateTest {

    @TempDir
    static Path home;
    private static HazelcastClusterState first;
    private static HazelcastClusterState second;
    private static final Clock CLOCK = Clock.systemUTC();

    @BeforeAll
    static void formACluster() {
        first = HazelcastClusterState.join(home, CLOCK);
        second = HazelcastClusterState.join(home, CLOCK);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void bothMembersAreInOneCluster() {
        assertThat(first.memberCount()).isEqualTo(2);
        assertThat(second.memberCount()).isEqualTo(2);
    }

    @Test
    void aKeyUsedOnOneNodeIsRefusedOnTheOther() {
        Instant expiresAt = CLOCK.instant().plusSeconds(60);

        assertThat(first.firstUse("jti", "abc", expiresAt)).isTrue();
        assertThat(second.firstUse("jti", "abc", expiresAt)).isFalse();
        assertThat(second.firstUse("jti", "other", expiresAt)).isTrue();
    }

    @Test
    void aRevocationOnOneNodeEndsTheSessionHeldByTheOther() throws Exception {
        SessionRevocations onFirst = SessionRevocations.of(first, CLOCK);
        SessionRevocations onSecond = SessionRevocations.of(second, CLOCK);
        LanyardSession alice = LanyardSession.of("idp", "https://idp.example.com", "alice", Optional.of("sid-1"),
                CLOCK.instant().minusSeconds(5), Optional.empty(), "token");
        LanyardSession bob = LanyardSession.of("idp", "https://idp.example.com", "bob", Optional.of("sid-2"),
                CLOCK.instant().minusSeconds(5), Optional.empty(), "token");
        assertThat(onFirst.isRevoked(alice)).isFalse();

        onSecond.revokeSession("https://idp.example.com", "sid-1");

        awaitTrue(() -> onFirst.isRevoked(alice));
        assertThat(onFirst.isRevoked(bob)).isFalse();
        // a node that starts listening later still learns it
        assertThat(SessionRevocations.of(first, CLOCK).isRevoked(alice)).isTrue();
    }

    @Test
    void aConfigurationChangeOnOneNodeIsToldToTheOtherOnly() throws Exception {
        CountDownLatch toldSecond = new CountDownLatch(1);
        CountDownLatch toldFirst = new CountDownLatch(1);
        second.onConfigurationChange(toldSecond::countDown);
        first.onConfigurationChange(toldFirst::countDown);

        first.configurationChanged();

        assertThat(toldSecond.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(toldFirst.await(500, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void theConfigurationLockIsHeldByOneNodeAtATime() throws Exception {
        try (ClusterState.Held held = first.lockConfiguration(Duration.ofSeconds(5))) {
            // the other node waits, then gives up with the lock's code
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> second.lockConfiguration(
                    Duration.ofMillis(300)).close());
            assertThatThrownBy(other::join).hasCauseInstanceOf(LanyardException.class)
                    .cause().satisfies(e -> assertThat(((LanyardException) e).errorCode())
                            .isEqualTo(ErrorCode.CONFIG_LOCK_UNAVAILABLE));
        }
        CompletableFuture.runAsync(() -> second.lockConfiguration(Duration.ofSeconds(5)).close()).get(10,
                TimeUnit.SECONDS);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
