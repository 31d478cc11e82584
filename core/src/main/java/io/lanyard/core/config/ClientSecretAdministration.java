package io.lanyard.core.config;

import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.SecretStatus;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;

/**
 * What administrators see of a client secret and what saving does with it; the admin UI renders and calls this.
 *
 * <p>"Click the Save-button will replace the client secret with the text "USING_ENVIRONMENT_PROPERTY"": while a
 * secret comes from outside, the file must not keep (or get) a plaintext copy of it.
 */
public final class ClientSecretAdministration {

    private ClientSecretAdministration() {
    }

    /** Where the provider's secret comes from, resolved as for a login; shown, so not logged by the resolver. */
    public static SecretStatus status(IdentityProviderConfig provider, ClientSecretResolver resolver) {
        return resolver.status(SecretOwner.identityProvider(provider.id()), provider.clientSecret());
    }

    /** Where the connector's secret comes from; shown, so not logged by the resolver. */
    public static SecretStatus status(EntraConnectorConfig connector, ClientSecretResolver resolver) {
        return resolver.status(SecretOwner.connector(connector.id()), connector.clientSecret());
    }

    /**
     * The provider to write to {@code provider.xml} when an administrator saves {@code edited}.
     *
     * @param current the status of this provider's secret as resolved at start
     * @throws IllegalArgumentException if {@code current} is another provider's status
     */
    public static IdentityProviderConfig forStorage(IdentityProviderConfig edited, SecretStatus current) {
        requireSameOwner(SecretOwner.identityProvider(edited.id()), current);
        StoredSecret stored = storedSecret(edited.clientSecret(), current);
        return stored.equals(edited.clientSecret()) ? edited : edited.toBuilder().clientSecret(stored).build();
    }

    /**
     * The connector to write to {@code connector.xml} when an administrator saves {@code edited}.
     *
     * @param current the status of this connector's secret as resolved at start
     * @throws IllegalArgumentException if {@code current} is another connector's status
     */
    public static EntraConnectorConfig forStorage(EntraConnectorConfig edited, SecretStatus current) {
        requireSameOwner(SecretOwner.connector(edited.id()), current);
        StoredSecret stored = storedSecret(edited.clientSecret(), current);
        return stored.equals(edited.clientSecret()) ? edited : edited.toBuilder().clientSecret(stored).build();
    }

    /**
     * The secret in use comes from outside: the file gets the placeholder, whatever it held, because a value
     * written there would be ignored (outside takes precedence) and would only be one more copy to leak.
     * Otherwise the administrator's value is kept as it is.
     */
    private static StoredSecret storedSecret(StoredSecret edited, SecretStatus current) {
        return current.comesFromOutside() ? StoredSecret.external() : edited;
    }

    private static void requireSameOwner(SecretOwner expected, SecretStatus current) {
        if (!current.owner().equals(expected)) {
            throw new IllegalArgumentException("the status of " + current.owner() + " was given for " + expected);
        }
    }
}
