package io.lanyard.core.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bounded map whose entries expire: at most {@code maxEntries}, the least recently used leaving first, none older
 * than the time given when it was put. For answers worth reusing for a short while (a person's groups from Microsoft
 * Graph), never for anything a login must see fresh. Thread-safe.
 *
 * @param <K> key
 * @param <V> value
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, Instant expires) {
    }

    private final Clock clock;
    private final int maxEntries;
    private final LinkedHashMap<K, Entry<V>> entries;

    public ExpiringCache(Clock clock, int maxEntries) {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The value put for {@code key}, unless it has expired. */
    public synchronized Optional<V> get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** Keeps {@code value} for {@code timeToLive}; a zero or negative time keeps nothing. */
    public synchronized void put(K key, V value, Duration timeToLive) {
        if (timeToLive.isZero() || timeToLive.isNegative()) {
            entries.remove(key);
            return;
        }
        entries.put(key, new Entry<>(value, clock.instant().plus(timeToLive)));
        if (entries.size() > maxEntries) {
            dropExpired();
        }
        Iterator<K> eldest = entries.keySet().iterator();
        while (entries.size() > maxEntries && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    private void dropExpired() {
        Instant now = clock.instant();
        entries.entrySet().removeIf((Map.Entry<K, Entry<V>> entry) -> !now.isBefore(entry.getValue().expires()));
    }
}
