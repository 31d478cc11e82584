package io.lanyard.core.cluster;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.ClusterState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link ClusterState} of a node that shares nothing: a product without a cluster, the sandbox without
 * {@code --cluster}, and tests. Everything lives in this JVM; revocations reach this node's listeners at once. The
 * configuration files have their own lock across processes besides ({@code DirectoryLock}).
 */
public final class LocalClusterState implements ClusterState {

    /** Per set: enough for the logins and logout tokens of a busy node's ten minutes. */
    static final int CAPACITY_PER_SET = 10_000;

    private final Clock clock;
    private final Map<String, ExpiringKeySet> sets = new ConcurrentHashMap<>();
    private final List<RevocationListener> revocationListeners = new CopyOnWriteArrayList<>();
    private final Map<String, Revocation> revocations = new ConcurrentHashMap<>();
    private final ReentrantLock configurationLock = new ReentrantLock();

    private record Revocation(Instant revokedAt, Instant keepUntil) {
    }

    public LocalClusterState(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String set, String key, Instant expiresAt) {
        return sets.computeIfAbsent(set, name -> new ExpiringKeySet(clock, CAPACITY_PER_SET)).firstUse(key, expiresAt);
    }

    @Override
    public void revoke(String key, Instant revokedAt, Instant keepUntil) {
        Instant now = clock.instant();
        revocations.values().removeIf(revocation -> !now.isBefore(revocation.keepUntil));
        revocations.put(key, new Revocation(revokedAt, keepUntil));
        revocationListeners.forEach(listener -> listener.revoked(key, revokedAt, keepUntil));
    }

    @Override
    public void onRevocation(RevocationListener listener) {
        revocationListeners.add(listener);
        revocations.forEach((key, revocation) -> listener.revoked(key, revocation.revokedAt, revocation.keepUntil));
    }

    /** Nobody else to tell. */
    @Override
    public void configurationChanged() {
    }

    /** Nobody else changes it. */
    @Override
    public void onConfigurationChange(Runnable listener) {
    }

    @Override
    public Held lockConfiguration(Duration maxWait) {
        try {
            if (!configurationLock.tryLock(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LanyardException(ErrorCode.CONFIG_LOCK_UNAVAILABLE,
                        "another request of this node has held the configuration's lock for " + maxWait.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LanyardException(ErrorCode.CONFIG_LOCK_UNAVAILABLE, "interrupted while waiting for the lock");
        }
        return configurationLock::unlock;
    }

    @Override
    public String nodeName() {
        return "local";
    }
}
