package io.lanyard.core.signing;

import io.lanyard.core.signing.SigningKey.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * All of Lanyard's signing keys at one moment, and the steps of a rotation with overlap (RFC 7523 and OpenID Connect
 * Core §10.1.1: a provider that fetches keys by {@code kid} finds the new one before it is used, and still finds the
 * old one while assertions it signed are valid). Exactly one key is active; at most one is published as the next.
 * Immutable: each step gives a new set.
 */
record SigningKeySet(List<SigningKey> keys) {

    SigningKeySet {
        keys = List.copyOf(keys);
        if (keys.stream().filter(k -> k.state() == State.ACTIVE).count() != 1) {
            throw new IllegalArgumentException("a key set has exactly one active key");
        }
        if (keys.stream().filter(k -> k.state() == State.PUBLISHED).count() > 1) {
            throw new IllegalArgumentException("a key set has at most one next key");
        }
    }

    /** The first set: one key, signing at once (there is nothing to overlap with yet). */
    static SigningKeySet first(SigningKey key) {
        return new SigningKeySet(List.of(key.activatedAt(key.created())));
    }

    SigningKey active() {
        return keys.stream().filter(k -> k.state() == State.ACTIVE).findFirst().orElseThrow();
    }

    Optional<SigningKey> next() {
        return keys.stream().filter(k -> k.state() == State.PUBLISHED).findFirst();
    }

    /**
     * The key retired last, while it is still published and was retired less than {@code within} ago: a provider
     * that has not fetched the new key yet still accepts it.
     */
    Optional<SigningKey> recentlyRetired(Instant now, Duration within) {
        return keys.stream().filter(k -> k.state() == State.RETIRED)
                .filter(k -> k.retired().orElseThrow().plus(within).isAfter(now))
                .max(java.util.Comparator.comparing(k -> k.retired().orElseThrow()));
    }

    /** Step 1: publish a new key, not signing yet. Unchanged when a next key is published already. */
    SigningKeySet withNext(SigningKey published) {
        if (next().isPresent()) {
            return this;
        }
        List<SigningKey> all = new ArrayList<>(keys);
        all.add(published);
        return new SigningKeySet(all);
    }

    /**
     * Step 2: sign with the next key from {@code now}; the key that signed until now is retired, and stays published.
     *
     * @throws IllegalStateException if no next key is published
     */
    SigningKeySet activateNext(Instant now) {
        SigningKey next = next().orElseThrow(() -> new IllegalStateException("no next key is published"));
        List<SigningKey> all = new ArrayList<>();
        for (SigningKey key : keys) {
            if (key == next) {
                all.add(key.activatedAt(now));
            } else if (key.state() == State.ACTIVE) {
                all.add(key.retiredAt(now));
            } else {
                all.add(key);
            }
        }
        return new SigningKeySet(all);
    }

    /** Step 3: retired keys go once {@code kept} has passed since their last signature. */
    SigningKeySet withoutExpired(Instant now, Duration kept) {
        List<SigningKey> all = keys.stream().filter(key -> key.state() != State.RETIRED
                || key.retired().orElseThrow().plus(kept).isAfter(now)).toList();
        return all.size() == keys.size() ? this : new SigningKeySet(all);
    }
}
