package io.lanyard.plugin.cluster;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.cache.Cache;
import com.atlassian.cache.CacheManager;
import com.atlassian.cache.CacheSettingsBuilder;
import io.lanyard.core.cluster.LocalClusterState;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.ClusterState;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ClusterState} of a product node, over the host's own cluster services (docs/host-evidence.md §4):
 * single-use keys and revocations in replicated atlassian-cache caches ({@code remote()} + {@code replicateViaCopy()}:
 * one copy every node sees), the configuration lock from beehive's {@link ClusterLockService}, and the product's
 * messages ({@link ClusterMessages}) to tell the other nodes of a revocation or a configuration change at once.
 *
 * <p>A service the product lacks or that fails (an optional reference with nothing behind it, a {@link LinkageError}
 * on another version) never fails a login or the host: that concern falls back to this node's own memory
 * ({@link LocalClusterState}), with one warning. Cache values are JDK types only ({@code Long}, {@code String}), so
 * that a node never needs Lanyard's classes to read them.
 */
public final class HostClusterState implements ClusterState, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HostClusterState.class);

    static final String SINGLE_USE_CACHE = "io.lanyard.singleUse.";
    static final String REVOCATIONS_CACHE = "io.lanyard.revocations";
    static final String CONFIGURATION_LOCK = "io.lanyard.configuration";
    static final String FIRST_USE_LOCK = "io.lanyard.firstUse.";
    /** Longer than any single-use key lives (login states and logout tokens: minutes); each entry holds its own end. */
    static final long SINGLE_USE_HOURS = 2;
    /** As long as a revocation is kept (SessionRevocations: 30 days); each entry holds its own end. */
    static final long REVOCATION_DAYS = 31;
    static final int MAX_ENTRIES = 100_000;
    /** How long a first use waits for the cluster lock that makes it atomic across nodes. */
    static final Duration FIRST_USE_LOCK_WAIT = Duration.ofSeconds(5);

    private final String product;
    private final CacheManager caches;
    private final ClusterLockService locks;
    private final ClusterMessages messages;
    private final boolean lockFirstUse;
    private final Clock clock;
    private final LocalClusterState local;
    private final String nodeId = newNodeId();
    private final Map<String, Cache<String, Long>> singleUse = new ConcurrentHashMap<>();
    private final List<Runnable> configurationListeners = new CopyOnWriteArrayList<>();
    private final OnceWarning cacheMissing = new OnceWarning(LOG, "replicated cache (atlassian-cache CacheManager)");
    private final OnceWarning lockMissing = new OnceWarning(LOG, "cluster lock (beehive ClusterLockService)");
    private final OnceWarning messagesMissing = new OnceWarning(LOG, "cluster messaging");

    /**
     * @param lockFirstUse guard each first use with a cluster lock, where the cache's {@code putIfAbsent} is not known
     *        to be atomic across nodes (Jira, docs/host-evidence.md §4.1)
     */
    public HostClusterState(String product, CacheManager caches, ClusterLockService locks, ClusterMessages messages,
            boolean lockFirstUse) {
        this(product, caches, locks, messages, lockFirstUse, Clock.systemUTC());
    }

    HostClusterState(String product, CacheManager caches, ClusterLockService locks, ClusterMessages messages,
            boolean lockFirstUse, Clock clock) {
        this.product = product;
        this.caches = caches;
        this.locks = locks;
        this.messages = messages == null ? ClusterMessages.NONE : messages;
        this.lockFirstUse = lockFirstUse;
        this.clock = clock;
        this.local = new LocalClusterState(clock);
        if (caches == null) {
            cacheMissing.warn(product, new IllegalStateException("no CacheManager"));
        }
        if (locks == null) {
            lockMissing.warn(product, new IllegalStateException("no ClusterLockService"));
        }
        listen();
    }

    private void listen() {
        if (messages == null || messages == ClusterMessages.NONE) {
            messagesMissing.warn(product, new IllegalStateException("no messaging service"));
            return;
        }
        try {
            messages.listen(this::received);
        } catch (RuntimeException | LinkageError e) {
            messagesMissing.warn(product, e);
        }
    }

    // Single use

    @Override
    public boolean firstUse(String set, String key, Instant expiresAt) {
        if (cacheMissing.given()) {
            return local.firstUse(set, key, expiresAt);
        }
        try {
            Cache<String, Long> cache = singleUse.computeIfAbsent(set, name -> caches.getCache(SINGLE_USE_CACHE + name,
                    null, replicated().expireAfterWrite(SINGLE_USE_HOURS, TimeUnit.HOURS).build()));
            return lockFirstUse ? underFirstUseLock(set, () -> recordOnce(cache, key, expiresAt))
                    : recordOnce(cache, key, expiresAt);
        } catch (RuntimeException | LinkageError e) {
            if (e instanceof LanyardException lanyard) {
                throw lanyard;
            }
            cacheMissing.warn(product, e);
            return local.firstUse(set, key, expiresAt);
        }
    }

    /** The first to record {@code key} wins; an entry past its own end counts as absent (the cache's expiry is coarser). */
    private boolean recordOnce(Cache<String, Long> cache, String key, Instant expiresAt) {
        Long end = expiresAt.toEpochMilli();
        Long previous = cache.putIfAbsent(key, end);
        if (previous == null) {
            return true;
        }
        return previous <= clock.millis() && cache.replace(key, previous, end);
    }

    private boolean underFirstUseLock(String set, java.util.function.BooleanSupplier action) {
        if (lockMissing.given()) {
            return action.getAsBoolean();
        }
        ClusterLock lock;
        try {
            lock = locks.getLockForName(FIRST_USE_LOCK + set);
        } catch (RuntimeException | LinkageError e) {
            lockMissing.warn(product, e);
            return action.getAsBoolean();
        }
        try (Held held = acquire(lock, FIRST_USE_LOCK_WAIT, ErrorCode.CLUSTER_UNAVAILABLE)) {
            return action.getAsBoolean();
        }
    }

    // Revocations

    @Override
    public void revoke(String key, Instant revokedAt, Instant keepUntil) {
        local.revoke(key, revokedAt, keepUntil);
        Cache<String, String> revocations = revocations();
        if (revocations != null) {
            try {
                revocations.put(key, Revocation.value(revokedAt, keepUntil));
            } catch (RuntimeException | LinkageError e) {
                cacheMissing.warn(product, e);
            }
        }
        send(Revocation.message(nodeId, key, revokedAt, keepUntil));
    }

    @Override
    public void onRevocation(RevocationListener listener) {
        local.onRevocation(listener);
        Cache<String, String> revocations = revocations();
        if (revocations == null) {
            return;
        }
        // what the other nodes revoked before this one started
        try {
            Instant now = clock.instant();
            for (String key : revocations.getKeys()) {
                Revocation.parseValue(revocations.get(key)).filter(r -> now.isBefore(r.keepUntil()))
                        .ifPresent(r -> local.revoke(key, r.revokedAt(), r.keepUntil()));
            }
        } catch (RuntimeException | LinkageError e) {
            cacheMissing.warn(product, e);
        }
    }

    private Cache<String, String> revocations() {
        if (cacheMissing.given()) {
            return null;
        }
        try {
            return caches.getCache(REVOCATIONS_CACHE, null,
                    replicated().expireAfterWrite(REVOCATION_DAYS, TimeUnit.DAYS).build());
        } catch (RuntimeException | LinkageError e) {
            cacheMissing.warn(product, e);
            return null;
        }
    }

    // Configuration

    @Override
    public void configurationChanged() {
        send(nodeId + " " + Revocation.CONFIGURATION);
    }

    @Override
    public void onConfigurationChange(Runnable listener) {
        configurationListeners.add(listener);
    }

    @Override
    public Held lockConfiguration(Duration maxWait) {
        if (!lockMissing.given()) {
            try {
                ClusterLock lock = locks.getLockForName(CONFIGURATION_LOCK);
                return acquire(lock, maxWait, ErrorCode.CONFIG_LOCK_UNAVAILABLE);
            } catch (RuntimeException | LinkageError e) {
                if (e instanceof LanyardException lanyard) {
                    throw lanyard;
                }
                lockMissing.warn(product, e);
            }
        }
        return local.lockConfiguration(maxWait);
    }

    private static Held acquire(ClusterLock lock, Duration maxWait, ErrorCode busy) {
        try {
            if (!lock.tryLock(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LanyardException(busy, "another node has held Lanyard's cluster lock for "
                        + maxWait.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LanyardException(busy, "interrupted while waiting for Lanyard's cluster lock");
        }
        return lock::unlock;
    }

    @Override
    public String nodeName() {
        return product + " node " + nodeId;
    }

    // Messages

    private void send(String message) {
        if (messagesMissing.given()) {
            return;
        }
        try {
            messages.send(message);
        } catch (RuntimeException | LinkageError e) {
            messagesMissing.warn(product, e);
        }
    }

    /** A message of any node; this node's own are ignored (some products deliver them to the sender too). */
    void received(String message) {
        Revocation.Message parsed = Revocation.parseMessage(message).orElse(null);
        if (parsed == null) {
            LOG.debug("Ignoring a cluster message Lanyard does not know: {}", message);
            return;
        }
        if (parsed.sender().equals(nodeId)) {
            return;
        }
        if (parsed.revocation() == null) {
            configurationListeners.forEach(Runnable::run);
        } else {
            Revocation r = parsed.revocation();
            local.revoke(parsed.key(), r.revokedAt(), r.keepUntil());
        }
    }

    private static CacheSettingsBuilder replicated() {
        return new CacheSettingsBuilder().remote().replicateViaCopy().maxEntries(MAX_ENTRIES);
    }

    private static String newNodeId() {
        byte[] id = new byte[6];
        new SecureRandom().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    @Override
    public void close() {
        try {
            messages.close();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Could not unsubscribe from {}'s cluster messages: {}", product, e.toString());
        }
    }
}
