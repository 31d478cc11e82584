package io.lanyard.core.secret.secured;

import io.lanyard.core.secret.ResolvedSecret;
import io.lanyard.core.secret.SecretSource;
import java.util.Map;
import java.util.Optional;

/**
 * The values of Lanyard's encrypted store of secured properties (Bitbucket 9+ {@code secrets.secured-properties}), as
 * they were decrypted when Lanyard started: per listed name, the secret or why it cannot be used.
 */
public final class SecuredPropertyValues {

    private static final SecuredPropertyValues NONE = new SecuredPropertyValues(Map.of());

    private final Map<String, ResolvedSecret> byName;

    private SecuredPropertyValues(Map<String, ResolvedSecret> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** No secured properties: any host but Bitbucket 9+, or no {@code secrets.secured-properties} given. */
    public static SecuredPropertyValues none() {
        return NONE;
    }

    /**
     * @param byName per name, a secret with source {@link SecretSource#SECURED_PROPERTY} or
     *               {@link ResolvedSecret#unreadable}
     */
    public static SecuredPropertyValues of(Map<String, ResolvedSecret> byName) {
        return new SecuredPropertyValues(byName);
    }

    /**
     * @return empty when the store holds nothing under this name (or the name is not a secured property);
     *         otherwise the secret with source {@link SecretSource#SECURED_PROPERTY}, or why it cannot be used
     *         ({@link ResolvedSecret#unreadable})
     */
    public Optional<ResolvedSecret> lookup(String propertyName) {
        return Optional.ofNullable(byName.get(propertyName));
    }

    /** Names and sources only. */
    @Override
    public String toString() {
        return "SecuredPropertyValues" + byName.values();
    }
}
