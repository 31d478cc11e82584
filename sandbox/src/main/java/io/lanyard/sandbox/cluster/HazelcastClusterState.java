package io.lanyard.sandbox.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.topic.ITopic;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.ClusterState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's {@link ClusterState}: an embedded Hazelcast member on 127.0.0.1 that finds the other sandboxes of the
 * same home folder (the cluster's name is derived from the home's path) on ports {@value #FIRST_PORT} and up, as a
 * product finds its other nodes. Single-use keys are entries of a replicated map that expire with their key;
 * revocations are entries too, which every member hears of (and which a member joining later reads); configuration
 * changes are messages of a topic; the configuration lock is the map's lock of one key (Hazelcast's open-source
 * pessimistic lock, held by the thread that took it).
 */
public final class HazelcastClusterState implements ClusterState, AutoCloseable {

    static final int FIRST_PORT = 5701;
    static final int PORT_COUNT = 10;
    private static final Logger LOG = LoggerFactory.getLogger(HazelcastClusterState.class);
    private static final String REVOCATIONS = "lanyard-revocations";
    private static final String CONFIGURATION_TOPIC = "lanyard-configuration";
    private static final String LOCKS = "lanyard-locks";
    private static final String CONFIGURATION_LOCK = "configuration";

    private final HazelcastInstance member;
    private final Clock clock;

    private HazelcastClusterState(HazelcastInstance member, Clock clock) {
        this.member = member;
        this.clock = clock;
    }

    /** Starts this node's member and joins the other sandboxes of {@code home} on this machine. */
    public static HazelcastClusterState join(Path home, Clock clock) {
        Config config = new Config();
        config.setClusterName("lanyard-sandbox-" + shortHash(home.toAbsolutePath().normalize().toString()));
        config.setInstanceName(config.getClusterName() + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        // a node that dies (kill -9) is noticed within seconds, not the default minute
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
        config.getJetConfig().setEnabled(false);
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(FIRST_PORT).setPortAutoIncrement(true).setPortCount(PORT_COUNT);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        // without a port, a member address means every port of this node's range
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
        HazelcastInstance member = unavailableIfFails(() -> Hazelcast.newHazelcastInstance(config));
        LOG.info("Joined the sandbox cluster {} as {}: {} member(s)", config.getClusterName(),
                member.getCluster().getLocalMember().getAddress(), member.getCluster().getMembers().size());
        return new HazelcastClusterState(member, clock);
    }

    @Override
    public boolean firstUse(String set, String key, Instant expiresAt) {
        long ttl = Math.max(1, Duration.between(clock.instant(), expiresAt).toMillis());
        IMap<String, Long> keys = member.getMap(set);
        return unavailableIfFails(() -> keys.putIfAbsent(key, expiresAt.toEpochMilli(), ttl, TimeUnit.MILLISECONDS)
                == null);
    }

    @Override
    public void revoke(String key, Instant revokedAt, Instant keepUntil) {
        long ttl = Math.max(1, Duration.between(clock.instant(), keepUntil).toMillis());
        unavailableIfFails(() -> revocations().put(key, revokedAt.toEpochMilli() + ":" + keepUntil.toEpochMilli(), ttl,
                TimeUnit.MILLISECONDS));
    }

    @Override
    public void onRevocation(RevocationListener listener) {
        IMap<String, String> revocations = revocations();
        RevocationEntries entries = new RevocationEntries(listener);
        revocations.addEntryListener(entries, true);
        for (Map.Entry<String, String> kept : revocations.entrySet()) {
            entries.tell(kept.getKey(), kept.getValue()); // told twice at worst: a revocation is idempotent
        }
    }

    @Override
    public void configurationChanged() {
        ITopic<String> topic = member.getTopic(CONFIGURATION_TOPIC);
        unavailableIfFails(() -> {
            topic.publish(nodeName());
            return null;
        });
    }

    @Override
    public void onConfigurationChange(Runnable listener) {
        ITopic<String> topic = member.getTopic(CONFIGURATION_TOPIC);
        topic.addMessageListener(message -> {
            if (!message.getPublishingMember().localMember()) {
                listener.run();
            }
        });
    }

    @Override
    public Held lockConfiguration(Duration maxWait) {
        IMap<String, String> locks = member.getMap(LOCKS);
        boolean locked;
        try {
            locked = locks.tryLock(CONFIGURATION_LOCK, maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LanyardException(ErrorCode.CONFIG_LOCK_UNAVAILABLE, "interrupted while waiting for the lock");
        } catch (HazelcastException e) {
            throw new LanyardException(ErrorCode.CONFIG_LOCK_UNAVAILABLE, "the cluster's lock: " + e);
        }
        if (!locked) {
            throw new LanyardException(ErrorCode.CONFIG_LOCK_UNAVAILABLE, "another node has held the cluster's lock of "
                    + "the configuration for " + maxWait.toSeconds() + " s");
        }
        return () -> locks.unlock(CONFIGURATION_LOCK);
    }

    @Override
    public String nodeName() {
        return String.valueOf(member.getCluster().getLocalMember().getAddress());
    }

    /** How many members the cluster has now (the sandbox's banner, tests). */
    public int memberCount() {
        return member.getCluster().getMembers().size();
    }

    @Override
    public void close() {
        member.shutdown();
    }

    private IMap<String, String> revocations() {
        return member.getMap(REVOCATIONS);
    }

    private static <T> T unavailableIfFails(Supplier<T> action) {
        try {
            return action.get();
        } catch (HazelcastException | IllegalStateException e) {
            throw new LanyardException(ErrorCode.CLUSTER_UNAVAILABLE, "the sandbox's Hazelcast cluster: " + e);
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** A revocation entry added or renewed on any member, told to this node's listener. */
    private static final class RevocationEntries implements EntryAddedListener<String, String>,
            EntryUpdatedListener<String, String> {

        private final RevocationListener listener;

        RevocationEntries(RevocationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
        }

        @Override
        public void entryAdded(com.hazelcast.core.EntryEvent<String, String> event) {
            tell(event.getKey(), event.getValue());
        }

        @Override
        public void entryUpdated(com.hazelcast.core.EntryEvent<String, String> event) {
            tell(event.getKey(), event.getValue());
        }

        void tell(String key, String value) {
            int colon = value.indexOf(':');
            listener.revoked(key, Instant.ofEpochMilli(Long.parseLong(value.substring(0, colon))),
                    Instant.ofEpochMilli(Long.parseLong(value.substring(colon + 1))));
        }
    }
}
