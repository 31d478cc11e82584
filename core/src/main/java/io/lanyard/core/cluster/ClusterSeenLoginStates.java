package io.lanyard.core.cluster;

import io.lanyard.core.host.ClusterState;
import io.lanyard.core.host.SeenLoginStates;
import java.time.Instant;
import java.util.Objects;

/**
 * The states of the logins that came back, kept by the cluster ({@link ClusterState#firstUse}): a callback replayed on
 * another node is refused as on the node that took it first.
 */
public final class ClusterSeenLoginStates implements SeenLoginStates {

    /** The cluster's set of login states already used. */
    static final String SET = "lanyard-login-state";

    private final ClusterState cluster;

    public ClusterSeenLoginStates(ClusterState cluster) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
    }

    @Override
    public boolean firstUse(String state, Instant expiresAt) {
        return cluster.firstUse(SET, state, expiresAt);
    }
}
