package io.lanyard.core.host;

import java.time.Duration;
import java.time.Instant;

/**
 * Port: what the nodes of a Data Center cluster share, so that what one node learns every node acts on. Each product
 * implements it with its own cluster services (atlassian-cache, its cluster lock and messaging; docs/host-evidence.md
 * §4), the sandbox with embedded Hazelcast, a lone node in memory ({@code LocalClusterState}). Never a network
 * protocol of Lanyard's own.
 *
 * <ul>
 *   <li>Single use: keys (the states of logins that came back, the {@code jti} of logout tokens) accepted once on any
 *       node until they expire.</li>
 *   <li>Revocations: the sessions ended by a logout at the provider, told to every node; each node keeps them in its
 *       own memory, so the check on every request asks nothing of the network.</li>
 *   <li>Configuration: a change saved on one node, told to the others at once, and the lock that lets one node at a
 *       time write the files.</li>
 * </ul>
 *
 * Implementations are thread-safe. Their failures are {@code LanyardException}s with
 * {@code CLUSTER_UNAVAILABLE} (or {@code CONFIG_LOCK_UNAVAILABLE} for the lock).
 */
public interface ClusterState {

    /**
     * Records {@code key} in the shared set {@code set} until {@code expiresAt}.
     *
     * @return true the first time on any node; false when some node recorded it before and it has not expired
     */
    boolean firstUse(String set, String key, Instant expiresAt);

    /**
     * Tells every node, this one included, that sessions matching {@code key} and started before {@code revokedAt}
     * are ended; the nodes remember it until {@code keepUntil}, a node that joins later included.
     */
    void revoke(String key, Instant revokedAt, Instant keepUntil);

    /**
     * Registers where this node keeps the revocations: called at once for each one still kept, then for every new one
     * from any node, on a thread of the implementation's.
     */
    void onRevocation(RevocationListener listener);

    /** Tells the other nodes that the configuration files were changed by this one. */
    void configurationChanged();

    /** Called on a thread of the implementation's when another node changed the configuration files. */
    void onConfigurationChange(Runnable listener);

    /**
     * Takes the cluster's lock of the configuration, waiting at most {@code maxWait}.
     *
     * @throws io.lanyard.core.error.LanyardException {@code CONFIG_LOCK_UNAVAILABLE} when it is not free in time
     */
    Held lockConfiguration(Duration maxWait);

    /** A short name of this node for logs and diagnostics. */
    String nodeName();

    /** Receives revocations. */
    @FunctionalInterface
    interface RevocationListener {
        void revoked(String key, Instant revokedAt, Instant keepUntil);
    }

    /** A lock held; closing it releases it. */
    @FunctionalInterface
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
