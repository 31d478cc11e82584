package io.lanyard.core.config.change;

import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.SecretStatus;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;

/**
 * What administrators see of the client secret an integration owns and what saving does with it; the admin UI
 * renders and calls this, for every kind that owns a secret.
 *
 * <p>"Click the Save-button will replace the client secret with the text "USING_ENVIRONMENT_PROPERTY"": while a
 * secret comes from outside, the file must not keep (or get) a plaintext copy of it.
 */
public final class ClientSecretAdministration {

    private ClientSecretAdministration() {
    }

    /**
     * Where the integration's secret comes from, resolved as for a login; shown, so not logged by the resolver.
     *
     * @throws IllegalArgumentException if its kind owns no secret
     */
    public static SecretStatus status(Integration integration, ClientSecretResolver resolver) {
        return resolver.status(ownerOf(integration), integration.clientSecret());
    }

    /**
     * The integration to write to its file when an administrator saves {@code edited}.
     *
     * @param current the status of this integration's secret as resolved at start
     * @throws IllegalArgumentException if {@code current} is another integration's status
     */
    public static <C extends Integration> C forStorage(C edited, SecretStatus current) {
        SecretOwner expected = ownerOf(edited);
        if (!current.owner().equals(expected)) {
            throw new IllegalArgumentException("the status of " + current.owner() + " was given for " + expected);
        }
        StoredSecret stored = storedSecret(edited.clientSecret(), current);
        IntegrationKind<C> kind = IntegrationKind.of(edited);
        return stored.equals(edited.clientSecret()) ? edited : kind.toBuilder(edited).clientSecret(stored).build();
    }

    /**
     * The secret in use comes from outside: the file gets the placeholder, whatever it held, because a value
     * written there would be ignored (outside takes precedence) and would only be one more copy to leak.
     * Otherwise the administrator's value is kept as it is.
     */
    private static StoredSecret storedSecret(StoredSecret edited, SecretStatus current) {
        return current.comesFromOutside() ? StoredSecret.external() : edited;
    }

    private static SecretOwner ownerOf(Integration integration) {
        return IntegrationKind.of(integration).secretOwner(integration.id()).orElseThrow(
                () -> new IllegalArgumentException(IntegrationKind.of(integration) + " owns no client secret"));
    }
}
