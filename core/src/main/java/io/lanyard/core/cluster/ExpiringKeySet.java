package io.lanyard.core.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keys each accepted once until it expires, in this JVM's memory, at most {@code capacity} of them: when it is full of
 * keys that have not expired yet, the oldest is forgotten first. What a lone node shares with nobody; the cluster
 * implementations keep the same in the cluster's shared cache. Thread-safe.
 */
public final class ExpiringKeySet {

    private final Clock clock;
    private final int capacity;
    /** In the order they were seen, which within one node is nearly the order they expire. */
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    public ExpiringKeySet(Clock clock, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** @return true the first time; false when {@code key} was recorded before and has not expired */
    public synchronized boolean firstUse(String key, Instant expiresAt) {
        Instant now = clock.instant();
        Instant known = seen.get(key);
        if (known != null && now.isBefore(known)) {
            return false;
        }
        forgetExpired(now);
        Iterator<Map.Entry<String, Instant>> oldest = seen.entrySet().iterator();
        while (seen.size() >= capacity && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
        seen.put(key, expiresAt);
        return true;
    }

    public synchronized int size() {
        return seen.size();
    }

    private void forgetExpired(Instant now) {
        Iterator<Instant> entries = seen.values().iterator();
        while (entries.hasNext() && !now.isBefore(entries.next())) {
            entries.remove();
        }
    }
}
