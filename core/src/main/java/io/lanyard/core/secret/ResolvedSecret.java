package io.lanyard.core.secret;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of resolving one client secret: the secret (if any), where it came from, and the name of the
 * variable or property it came from (for administrators; empty for the configuration file).
 */
public final class ResolvedSecret {

    private final Secret secret;
    private final SecretSource source;
    private final String propertyName;

    private ResolvedSecret(Secret secret, SecretSource source, String propertyName) {
        this.secret = secret;
        this.source = Objects.requireNonNull(source, "source");
        this.propertyName = propertyName;
    }

    public static ResolvedSecret found(Secret secret, SecretSource source, String propertyName) {
        if (source == SecretSource.NOT_SET) {
            throw new IllegalArgumentException("a found secret needs a source");
        }
        return new ResolvedSecret(Objects.requireNonNull(secret, "secret"), source, propertyName);
    }

    public static ResolvedSecret notSet() {
        return new ResolvedSecret(null, SecretSource.NOT_SET, null);
    }

    public Optional<Secret> secret() {
        return Optional.ofNullable(secret);
    }

    public SecretSource source() {
        return source;
    }

    public Optional<String> propertyName() {
        return Optional.ofNullable(propertyName);
    }

    @Override
    public String toString() {
        return "ResolvedSecret[" + source + (propertyName == null ? "" : " " + propertyName) + "]";
    }
}
