package io.lanyard.core.login;

import io.lanyard.core.host.SeenLoginStates;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * This node's {@link SeenLoginStates}: the states of the logins that came back here, each until its login expires,
 * at most {@value #DEFAULT_CAPACITY} (about 1 MB). Only states of logins this host sealed are recorded (the flow asks
 * after the sealed login was opened and matched the response), so a stranger cannot fill it without starting that many
 * logins; when it is full of logins that have not expired yet, the oldest is forgotten first. Thread-safe.
 */
public final class InMemorySeenLoginStates implements SeenLoginStates {

    static final int DEFAULT_CAPACITY = 10_000;

    private final Clock clock;
    private final int capacity;
    /** In the order they were seen, which within one node is nearly the order they expire. */
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    public InMemorySeenLoginStates(Clock clock) {
        this(clock, DEFAULT_CAPACITY);
    }

    InMemorySeenLoginStates(Clock clock, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.capacity = capacity;
    }

    @Override
    public synchronized boolean firstUse(String state, Instant expiresAt) {
        Instant now = clock.instant();
        Instant known = seen.get(state);
        if (known != null && now.isBefore(known)) {
            return false;
        }
        forgetExpired(now);
        Iterator<Map.Entry<String, Instant>> oldest = seen.entrySet().iterator();
        while (seen.size() >= capacity && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
        seen.put(state, expiresAt);
        return true;
    }

    synchronized int size() {
        return seen.size();
    }

    private void forgetExpired(Instant now) {
        Iterator<Instant> entries = seen.values().iterator();
        while (entries.hasNext() && !now.isBefore(entries.next())) {
            entries.remove();
        }
    }
}
