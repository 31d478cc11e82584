package io.lanyard.core.config.change;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationBuilder;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.secret.ClientSecrets;
import io.lanyard.core.secret.ResolvedSecret;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.SecretSource;
import io.lanyard.core.secret.SecretStatus;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
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
     * The integration to write to its file when an administrator saves {@code edited}: the rule below for the current
     * secret, and the same rule for the next one ({@code CLIENT_SECRET_NEXT} gets the placeholder while the next
     * secret comes from a {@code _NEXT} variable, property or the encrypted store).
     */
    public static <C extends Integration> C forStorage(C edited, ClientSecretResolver resolver) {
        ClientSecrets both = resolver.describeBoth(ownerOf(edited), edited.clientSecret(), edited.nextClientSecret());
        C stored = forStorage(edited, SecretStatus.of(both.owner(), both.current(),
                ClientSecretResolver.namesInOrder(both.owner())));
        boolean nextFromOutside = both.next().map(ResolvedSecret::source).filter(ClientSecretAdministration::outside)
                .isPresent();
        if (!nextFromOutside || stored.nextClientSecret().equals(StoredSecret.external())) {
            return stored;
        }
        return IntegrationKind.of(stored).toBuilder(stored).nextClientSecret(StoredSecret.external()).build();
    }

    /**
     * Rotation, the step "promote": the next secret written in the file becomes the current one, the next one is
     * emptied, and the date the old secret ended is forgotten.
     *
     * @throws ConfigurationException on {@code nextClientSecret} when the file holds no next secret to promote (a next
     *         secret from a variable is promoted by giving it under the current name and restarting)
     */
    public static <C extends Integration> C promoted(C integration) {
        if (integration.nextClientSecret().kind() != StoredSecret.Kind.PLAINTEXT) {
            throw new ConfigurationException("nothing to promote", List.of(new FieldError("nextClientSecret",
                    integration.nextClientSecret().kind() == StoredSecret.Kind.EXTERNAL
                            ? "comes from a _NEXT variable or property: give that value under the current name on "
                                    + "every node and restart them one by one"
                            : "no next secret is written in the file")));
        }
        IntegrationBuilder<C> builder = IntegrationKind.of(integration).toBuilder(integration);
        return builder.clientSecret(integration.nextClientSecret()).nextClientSecret(StoredSecret.none())
                .clientSecretExpiresOn(null).build();
    }

    /**
     * The next secret and the expiry date as an administrator changed them (page or API), on top of what the rest of
     * the form made.
     *
     * @param storedNext what the file holds now in {@code CLIENT_SECRET_NEXT} (none for a new integration)
     * @param next       what was asked for the next secret: keep, replace or clear
     * @param expiresOn  the date as typed ({@code YYYY-MM-DD}, empty for none); absent: keep {@code edited}'s
     * @throws ConfigurationException on {@code clientSecretExpiresOn} when the date cannot be read
     */
    public static <C extends Integration> C withRotationFields(C edited, StoredSecret storedNext, SecretUpdate next,
            Optional<String> expiresOn) {
        IntegrationBuilder<C> builder = IntegrationKind.of(edited).toBuilder(edited)
                .nextClientSecret(next.applyTo(storedNext));
        if (expiresOn.isPresent()) {
            builder.clientSecretExpiresOn(date(expiresOn.get()));
        }
        return builder.build();
    }

    private static LocalDate date(String typed) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new ConfigurationException("the expiry date is invalid", List.of(new FieldError(
                    "clientSecretExpiresOn", "must be a date written as YYYY-MM-DD")));
        }
    }

    private static boolean outside(SecretSource source) {
        return source == SecretSource.ENVIRONMENT_VARIABLE || source == SecretSource.SYSTEM_PROPERTY
                || source == SecretSource.SECURED_PROPERTY;
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
        if (before.isEmpty() || !kind.ownsSecret() || kind.sameSecretRecipient(before.get(), edited)) {
            return edited;
        }
        IntegrationBuilder<C> moved = kind.toBuilder(edited);
        boolean dropped = false;
        if (!(update instanceof SecretUpdate.Replace) && edited.clientSecret().kind() != StoredSecret.Kind.NONE) {
            moved.clientSecret(StoredSecret.none());
            dropped = true;
        }
        // The next secret is tried when the provider refuses the current one: a kept one must not follow either.
        if (edited.nextClientSecret().kind() == StoredSecret.Kind.PLAINTEXT
                && edited.nextClientSecret().equals(before.get().nextClientSecret())) {
            moved.nextClientSecret(StoredSecret.none());
            dropped = true;
        }
        if (!dropped) {
            return edited;
        }
        LOG.warn("{} {}: the stored client secret was dropped because the edit changes where the secret is sent; "
                + "give the secret for the new address", kind.capitalizedLabel(), edited.id());
        return moved.build();
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
