package io.lanyard.core.config.change;

import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.SecretStatus;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What administrators see of the client secret an integration owns and what saving does with it; the admin UI
 * renders and calls this, for every kind that owns a secret.
 *
 * <p>"Click the Save-button will replace the client secret with the text "USING_ENVIRONMENT_PROPERTY"": while a
 * secret comes from outside, the file must not keep (or get) a plaintext copy of it.
 */
public final class ClientSecretAdministration {

    private static final Logger LOG = LoggerFactory.getLogger(ClientSecretAdministration.class);

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
     * The integration as an administrator's edit leaves it (admin form, JSON API, import by the same id), with the
     * secret the file held only where it may still go: when the edit changes where the secret is sent
     * ({@link IntegrationKind#sameSecretRecipient}), a kept secret is dropped, and only a secret given with the edit
     * is stored. A secret typed for one provider must never reach another's token endpoint because someone changed
     * the discovery URL.
     *
     * @param before the integration as stored, if it exists
     * @param edited the edit, built with {@code update} applied to what {@code before} stored
     */
    public static <C extends Integration> C afterEdit(Optional<C> before, C edited, SecretUpdate update) {
        IntegrationKind<C> kind = IntegrationKind.of(edited);
        if (before.isEmpty() || !kind.ownsSecret() || update instanceof SecretUpdate.Replace
                || edited.clientSecret().kind() == StoredSecret.Kind.NONE
                || kind.sameSecretRecipient(before.get(), edited)) {
            return edited;
        }
        LOG.warn("{} {}: the stored client secret was dropped because the edit changes where the secret is sent; "
                + "give the secret for the new address", kind.capitalizedLabel(), edited.id());
        return kind.toBuilder(edited).clientSecret(StoredSecret.none()).build();
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
