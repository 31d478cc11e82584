package io.lanyard.core.login;

import io.lanyard.core.cluster.ExpiringKeySet;
import io.lanyard.core.host.SeenLoginStates;
import java.time.Clock;
import java.time.Instant;

/**
 * This node's {@link SeenLoginStates}: the states of the logins that came back here, each until its login expires,
 * at most {@value #DEFAULT_CAPACITY} (about 1 MB). Only states of logins this host sealed are recorded (the flow asks
 * after the sealed login was opened and matched the response), so a stranger cannot fill it without starting that many
 * logins; when it is full of logins that have not expired yet, the oldest is forgotten first. Thread-safe. On a
 * cluster the states are the cluster's ({@code ClusterState.firstUse}).
 */
public final class InMemorySeenLoginStates implements SeenLoginStates {

    static final int DEFAULT_CAPACITY = 10_000;

    private final ExpiringKeySet seen;

    public InMemorySeenLoginStates(Clock clock) {
        this(clock, DEFAULT_CAPACITY);
    }

    InMemorySeenLoginStates(Clock clock, int capacity) {
        this.seen = new ExpiringKeySet(clock, capacity);
    }

    @Override
    public boolean firstUse(String state, Instant expiresAt) {
        return seen.firstUse(state, expiresAt);
    }

    int size() {
        return seen.size();
    }
}
