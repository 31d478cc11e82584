package io.lanyard.core.secret;

import java.util.Optional;

/**
 * The values of Lanyard's encrypted store of secured properties (Bitbucket 9+ {@code secrets.secured-properties}),
 * as they were decrypted when Lanyard started.
 */
@FunctionalInterface
public interface SecuredValues {

    /**
     * @return empty when the store holds nothing under this name (or the name is not a secured property);
     *         otherwise the secret with source {@link SecretSource#SECURED_PROPERTY}, or why it cannot be used
     *         ({@link ResolvedSecret#unreadable})
     */
    Optional<ResolvedSecret> lookup(String propertyName);

    /** No secured properties: any host but Bitbucket 9+, or no {@code secrets.secured-properties} given. */
    static SecuredValues none() {
        return propertyName -> Optional.empty();
    }
}
