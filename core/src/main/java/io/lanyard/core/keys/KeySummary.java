package io.lanyard.core.keys;

import java.util.Objects;
import java.util.Optional;

/**
 * What the admin's "Test" says of one usable signing key: its id ({@code kid}), if it has one, and its key type
 * ({@code kty}, e.g. {@code RSA}, {@code EC}). Nothing of the key material.
 *
 * @param keyId the key's {@code kid}; empty when the provider gives the key none
 * @param type  its {@code kty}
 */
public record KeySummary(Optional<String> keyId, String type) {

    public KeySummary {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(type, "type");
    }

    /** E.g. {@code sandbox RSA} or {@code (no kid) EC}: how the JSON API lists a key. */
    public String description() {
        return keyId.orElse("(no kid)") + " " + type;
    }
}
