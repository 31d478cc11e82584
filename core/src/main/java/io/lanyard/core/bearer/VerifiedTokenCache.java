package io.lanyard.core.bearer;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What was decided about each bearer token lately, by the exact {@code Authorization} header value: a repeat call
 * costs one hash lookup (no allocation: the key is the header string the container already made). Each decision is
 * computed once even when many requests bring the same new token at once (one load in flight per token; the others
 * wait for it), which bounds introspection to one call per token per cache lifetime.
 *
 * <p>Bounded: at most {@link #MAX_ENTRIES} entries and {@link #MAX_KEY_CHARS} characters of keys (tokens are
 * ASCII, one byte per character in the JDK's compact strings): about 4 MB of keys plus about 250 bytes per entry,
 * some 6.5 MB at most. When full, expired entries go first, and if that is not enough, all: a flood of distinct tokens
 * costs at most verifications, never memory.
 */
public final class VerifiedTokenCache {

    public static final int MAX_ENTRIES = 10_000;
    public static final long MAX_KEY_CHARS = 4_000_000;

    /** A decision and until when it holds; {@code validUntilMillis} 0: for this request (and its waiters) only. */
    public record Entry(BearerOutcome outcome, long validUntilMillis) {
        public Entry {
            Objects.requireNonNull(outcome, "outcome");
        }

        public static Entry once(BearerOutcome outcome) {
            return new Entry(outcome, 0);
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Entry>> loading = new ConcurrentHashMap<>();
    private final AtomicLong keyChars = new AtomicLong();
    private final LongSupplier millis;
    private final int maxEntries;
    private final long maxKeyChars;

    public VerifiedTokenCache(LongSupplier millis) {
        this(millis, MAX_ENTRIES, MAX_KEY_CHARS);
    }

    VerifiedTokenCache(LongSupplier millis, int maxEntries, long maxKeyChars) {
        this.millis = millis;
        this.maxEntries = maxEntries;
        this.maxKeyChars = maxKeyChars;
    }

    /** The decision held for {@code key}, or null (none, or no longer valid). Allocation-free on a hit. */
    public Entry get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (millis.getAsLong() >= entry.validUntilMillis()) {
            if (entries.remove(key, entry)) {
                keyChars.addAndGet(-key.length());
            }
            return null;
        }
        return entry;
    }

    /**
     * The decision for {@code key}: held, or computed by {@code loader} once for all requests that ask meanwhile.
     * The loader's runtime exceptions reach every waiting caller.
     */
    public Entry load(String key, Function<String, Entry> loader) {
        Entry held = get(key);
        if (held != null) {
            return held;
        }
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> running = loading.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            Entry entry = get(key);
            if (entry == null) {
                entry = loader.apply(key);
                put(key, entry);
            }
            mine.complete(entry);
            return entry;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(key, mine);
        }
    }

    private static Entry await(CompletableFuture<Entry> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void put(String key, Entry entry) {
        if (entry.validUntilMillis() <= millis.getAsLong()) {
            return;
        }
        if (entries.size() >= maxEntries || keyChars.get() + key.length() > maxKeyChars) {
            makeRoom();
        }
        Entry previous = entries.put(key, entry);
        if (previous == null) {
            keyChars.addAndGet(key.length());
        }
    }

    private void makeRoom() {
        long now = millis.getAsLong();
        entries.forEach((key, entry) -> {
            if (now >= entry.validUntilMillis() && entries.remove(key, entry)) {
                keyChars.addAndGet(-key.length());
            }
        });
        if (entries.size() >= maxEntries || keyChars.get() > maxKeyChars / 2) {
            entries.clear();
            keyChars.set(0);
        }
    }

    /** How many decisions are held (tests and the admin page). */
    public int size() {
        return entries.size();
    }

    /** Forgets everything: after a configuration change, no decision of the old one is reused. */
    public void clear() {
        entries.clear();
        keyChars.set(0);
    }
}
