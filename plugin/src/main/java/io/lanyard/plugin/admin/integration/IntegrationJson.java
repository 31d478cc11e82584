package io.lanyard.plugin.admin.integration;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.IntegrationBuilder;
import io.lanyard.core.config.change.ClientSecretAdministration;
import io.lanyard.core.config.change.SecretUpdate;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An integration in the JSON API, in both directions, as every kind's document has it: {@code id},
 * {@code displayName}, {@code enabled}, the write-only {@code clientSecret} and {@code clearClientSecret} (a stored
 * secret is never sent), and the read-only {@code secret} section (ignored when sent back, so a document read with
 * GET can be changed and sent with PUT as it is). Any other unknown field is refused.
 *
 * @param <C> the kind's configuration
 */
public interface IntegrationJson<C extends Integration> {

    String id();

    String displayName();

    Boolean enabled();

    /** Write-only. */
    String clientSecret();

    /** Write-only. */
    Boolean clearClientSecret();

    /** Write-only: the next secret of a rotation ({@code CLIENT_SECRET_NEXT}). */
    String nextClientSecret();

    /** Write-only. */
    Boolean clearNextClientSecret();

    /** {@code YYYY-MM-DD}: when the current secret expires, as entered; absent for none. */
    String clientSecretExpiresOn();

    /**
     * The integration this document describes, with {@code id}; absent optional fields take the builder's defaults.
     *
     * @param currentSecret what the file holds now (none for a new integration)
     * @throws ConfigurationException every field that is wrong
     */
    C toConfig(String id, StoredSecret currentSecret);

    /**
     * The integration this document makes of {@code current} (or a new one): its own fields, and the secret
     * {@code current} stored only if the document keeps it and the secret still goes to the same place
     * ({@link ClientSecretAdministration#afterEdit}).
     *
     * @throws ConfigurationException every field that is wrong
     */
    default C edit(String id, Optional<C> current) {
        return ClientSecretAdministration.afterEdit(current, withRotation(id, current), secretUpdate());
    }

    /** What the secret becomes: a given value replaces, {@code clearClientSecret} clears, otherwise it is kept. */
    default SecretUpdate secretUpdate() {
        String typed = clientSecret();
        if (typed != null && !typed.isEmpty()) {
            return SecretUpdate.replaceWith(Secret.of(typed));
        }
        return Boolean.TRUE.equals(clearClientSecret()) ? SecretUpdate.clear() : SecretUpdate.keep();
    }

    /** What the next secret becomes: as for the current one, with {@code nextClientSecret} and its clear flag. */
    default SecretUpdate nextSecretUpdate() {
        String typed = nextClientSecret();
        if (typed != null && !typed.isEmpty()) {
            return SecretUpdate.replaceWith(Secret.of(typed));
        }
        return Boolean.TRUE.equals(clearNextClientSecret()) ? SecretUpdate.clear() : SecretUpdate.keep();
    }

    /**
     * The integration this document describes with its next secret and expiry date applied.
     *
     * @param existing the integration as it is stored now (empty for a new one)
     */
    private C withRotation(String id, Optional<C> existing) {
        C config = toConfig(id, existing.map(Integration::clientSecret).orElse(StoredSecret.none()));
        if (!IntegrationKind.of(config).ownsSecret()) {
            return config;
        }
        return ClientSecretAdministration.withRotationFields(config,
                existing.map(Integration::nextClientSecret).orElse(StoredSecret.none()),
                nextSecretUpdate(), Optional.of(clientSecretExpiresOn() == null ? "" : clientSecretExpiresOn()));
    }

    /** Sets what every kind's document has on {@code builder}: {@code enabled} defaults to true. */
    default <B extends IntegrationBuilder<C>> B common(B builder, String id, StoredSecret currentSecret) {
        builder.id(id).displayName(displayName()).enabled(enabled() == null || enabled())
                .clientSecret(secretUpdate().applyTo(currentSecret));
        return builder;
    }

    /**
     * Runs the builder's rules after the document's own parsing and reports every error of both.
     *
     * @param what e.g. {@code identity provider}, for the exception's message
     * @throws ConfigurationException with the parse errors and the builder's errors
     */
    static <C extends Integration> C build(IntegrationBuilder<C> builder, List<FieldError> parseErrors, String what) {
        List<FieldError> errors = new ArrayList<>(parseErrors);
        try {
            C config = builder.build();
            if (errors.isEmpty()) {
                return config;
            }
        } catch (ConfigurationException e) {
            errors.addAll(e.fieldErrors());
        }
        throw new ConfigurationException(what + " is invalid", errors);
    }
}
