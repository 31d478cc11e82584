package io.lanyard.plugin.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.cache.CacheManager;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.ClusterState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Two nodes over one product's (fake) cluster services: what one node learns, the other acts on. */
class HostClusterStateTest {

    private static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");
    private static final String KEY = "Xl1cK8c4m0Lh3QmZ0m4s1nE7d6y5t9uU0pQ2rS3tV4w";

    private final MutableClock clock = new MutableClock();
    private final FakeHostCluster host = new FakeHostCluster(false);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(HostClusterState.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    private HostClusterState node(FakeHostCluster cluster, boolean lockFirstUse) {
        return new HostClusterState("Jira", cluster.cacheManager, cluster.lockService, cluster.messagesOfNode(),
                lockFirstUse, clock);
    }

    @Test
    void aRevocationMadeOnOneNodeReachesTheOtherAndANodeThatStartsLater() {
        HostClusterState a = node(host, false);
        HostClusterState b = node(host, false);
        Map<String, Instant> seenOnB = new ConcurrentHashMap<>();
        b.onRevocation((key, revokedAt, keepUntil) -> seenOnB.put(key, revokedAt));

        a.revoke(KEY, NOW, NOW.plus(Duration.ofDays(30)));

        assertThat(seenOnB).containsEntry(KEY, NOW);
        Map<String, Instant> seenOnC = new ConcurrentHashMap<>();
        node(host, false).onRevocation((key, revokedAt, keepUntil) -> seenOnC.put(key, revokedAt));
        assertThat(seenOnC).containsEntry(KEY, NOW);
        assertThat(host.settings.get(HostClusterState.REVOCATIONS_CACHE).getLocal()).isFalse();
        assertThat(host.settings.get(HostClusterState.REVOCATIONS_CACHE).getReplicateViaCopy()).isTrue();
    }

    @Test
    void aRevocationPastItsKeepingIsNotReplayedToANewNode() {
        node(host, false).revoke(KEY, NOW, NOW.plusSeconds(60));
        clock.now = NOW.plusSeconds(61);
        List<String> seen = new CopyOnWriteArrayList<>();
        node(host, false).onRevocation((key, revokedAt, keepUntil) -> seen.add(key));
        assertThat(seen).isEmpty();
    }

    @Test
    void aKeyUsedOnOneNodeIsRefusedOnTheOtherUntilItExpires() {
        HostClusterState a = node(host, false);
        HostClusterState b = node(host, false);

        assertThat(a.firstUse("logout-jti", "jti-1", NOW.plusSeconds(600))).isTrue();
        assertThat(b.firstUse("logout-jti", "jti-1", NOW.plusSeconds(600))).isFalse();
        assertThat(a.firstUse("logout-jti", "jti-1", NOW.plusSeconds(600))).isFalse();
        assertThat(b.firstUse("other-set", "jti-1", NOW.plusSeconds(600))).isTrue();

        clock.now = NOW.plusSeconds(601);
        assertThat(b.firstUse("logout-jti", "jti-1", NOW.plusSeconds(1200))).isTrue();
        assertThat(a.firstUse("logout-jti", "jti-1", NOW.plusSeconds(1200))).isFalse();
        assertThat(host.settings.get(HostClusterState.SINGLE_USE_CACHE + "logout-jti").getReplicateViaCopy()).isTrue();
    }

    @Test
    void whereTheCacheIsNotKnownToBeAtomicAcrossNodesAFirstUseTakesTheClusterLock() {
        HostClusterState jira = node(host, true);
        assertThat(jira.firstUse("states", "s1", NOW.plusSeconds(60))).isTrue();
        assertThat(host.lockAcquisitions).hasValue(1);
        assertThat(host.locks).containsKey(HostClusterState.FIRST_USE_LOCK + "states");

        FakeHostCluster confluence = new FakeHostCluster(false);
        node(confluence, false).firstUse("states", "s1", NOW.plusSeconds(60));
        assertThat(confluence.lockAcquisitions).hasValue(0);
    }

    @Test
    void aFirstUseWhoseLockAnotherNodeHoldsTooLongFailsClosed() throws Exception {
        HostClusterState a = node(host, true);
        host.lockService.getLockForName(HostClusterState.FIRST_USE_LOCK + "states").lock();
        try {
            CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(
                    () -> a.firstUse("states", "s1", NOW.plusSeconds(60)));
            assertThatThrownBy(other::join).hasCauseInstanceOf(LanyardException.class)
                    .cause().extracting(e -> ((LanyardException) e).errorCode()).isEqualTo(ErrorCode.CLUSTER_UNAVAILABLE);
        } finally {
            host.lockService.getLockForName(HostClusterState.FIRST_USE_LOCK + "states").unlock();
        }
    }

    @Test
    void aConfigurationChangeReachesTheOtherNodesAndNotTheSender() {
        FakeHostCluster topicLike = new FakeHostCluster(true);
        HostClusterState a = node(topicLike, false);
        HostClusterState b = node(topicLike, false);
        AtomicInteger onA = new AtomicInteger();
        AtomicInteger onB = new AtomicInteger();
        a.onConfigurationChange(onA::incrementAndGet);
        b.onConfigurationChange(onB::incrementAndGet);

        a.configurationChanged();

        assertThat(onB).hasValue(1);
        assertThat(onA).hasValue(0);
        assertThat(topicLike.sent).allSatisfy(message -> assertThat(message).hasSizeLessThanOrEqualTo(200));
    }

    @Test
    void theConfigurationLockIsOneForTheCluster() throws Exception {
        HostClusterState a = node(host, false);
        HostClusterState b = node(host, false);
        try (ClusterState.Held held = a.lockConfiguration(Duration.ofSeconds(1))) {
            CompletableFuture<ClusterState.Held> other = CompletableFuture.supplyAsync(
                    () -> b.lockConfiguration(Duration.ofMillis(50)));
            assertThatThrownBy(other::join).cause().isInstanceOf(LanyardException.class)
                    .extracting(e -> ((LanyardException) e).errorCode()).isEqualTo(ErrorCode.CONFIG_LOCK_UNAVAILABLE);
        }
        CompletableFuture.runAsync(() -> b.lockConfiguration(Duration.ofMillis(50)).close()).join();
    }

    @Test
    void aMessageThatIsNotLanyardsIsIgnored() {
        HostClusterState a = node(host, false);
        AtomicInteger changes = new AtomicInteger();
        a.onConfigurationChange(changes::incrementAndGet);
        a.received("junk");
        a.received("abc r bad key! 1 2");
        a.received(null);
        assertThat(changes).hasValue(0);
    }

    @Test
    void missingServicesDegradeToThisNodeWithOneWarningEach() {
        CacheManager noCache = failing(CacheManager.class);
        ClusterLockService noLock = failing(ClusterLockService.class);
        ClusterMessages noMessages = failing(ClusterMessages.class);
        HostClusterState lone = new HostClusterState("Bamboo", noCache, noLock, noMessages, true, clock);
        List<String> revoked = new CopyOnWriteArrayList<>();
        lone.onRevocation((key, revokedAt, keepUntil) -> revoked.add(key));

        for (int i = 0; i < 3; i++) {
            assertThat(lone.firstUse("states", "s" + i, NOW.plusSeconds(60))).isTrue();
            assertThat(lone.firstUse("states", "s" + i, NOW.plusSeconds(60))).isFalse();
            lone.revoke(KEY + i, NOW, NOW.plusSeconds(60));
            lone.configurationChanged();
            lone.lockConfiguration(Duration.ofSeconds(1)).close();
        }

        assertThat(revoked).hasSize(3);
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(3)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("CacheManager").contains("this node only"))
                .anySatisfy(m -> assertThat(m).contains("ClusterLockService"))
                .anySatisfy(m -> assertThat(m).contains("cluster messaging"));
    }

    @Test
    void aServiceThatDoesNotLinkDegradesLikeAMissingOne() {
        CacheManager oldCache = (CacheManager) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CacheManager.class}, (proxy, method, args) -> {
                    throw new NoSuchMethodError("com.atlassian.cache.CacheManager.getCache");
                });
        HostClusterState a = new HostClusterState("Jira", oldCache, host.lockService, host.messagesOfNode(), false,
                clock);
        assertThat(a.firstUse("states", "s", NOW.plusSeconds(60))).isTrue();
        assertThat(a.firstUse("states", "s", NOW.plusSeconds(60))).isFalse();
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(1);
    }

    /** As Gemini's proxy of an optional reference with no service behind it. */
    private static <T> T failing(Class<T> type) {
        return type.cast(java.lang.reflect.Proxy.newProxyInstance(HostClusterStateTest.class.getClassLoader(),
                new Class<?>[] {type}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "unavailable " + type.getSimpleName()
                                : method.getName().equals("hashCode") ? 0 : proxy == args[0];
                    }
                    if (method.isDefault()) {
                        return null;
                    }
                    throw new IllegalStateException("ServiceUnavailableException: no " + type.getSimpleName());
                }));
    }

    private static final class MutableClock extends Clock {
        volatile Instant now = NOW;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
