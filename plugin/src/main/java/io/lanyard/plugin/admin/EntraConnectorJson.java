package io.lanyard.plugin.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.EntraConnectorConfigBuilder;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.NationalCloud;
import io.lanyard.core.config.SecretUpdate;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * An Entra ID connector in the JSON API, in both directions. {@code clientSecret} and {@code clearClientSecret} are
 * write-only (a stored secret is never sent); {@code secret} is read-only and ignored when sent back, so a document
 * read with GET can be changed and sent with PUT as it is. Any other unknown field is refused.
 */
record EntraConnectorJson(
        String id,
        String displayName,
        Boolean enabled,
        String tenantId,
        String clientId,
        String nationalCloud,
        String graphBaseUrl,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String clientSecret,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) Boolean clearClientSecret,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) SecretSection.Json secret) {

    static EntraConnectorJson of(EntraConnectorConfig config, SecretSection secret) {
        return new EntraConnectorJson(config.id(), config.displayName(), config.enabled(), config.tenantId(),
                config.clientId(), config.nationalCloud().name(), config.graphBaseUrl().map(URI::toString).orElse(null),
                null, null, secret.toJson());
    }

    /** What the secret becomes: a given value replaces, {@code clearClientSecret} clears, otherwise it is kept. */
    SecretUpdate secretUpdate() {
        if (clientSecret != null && !clientSecret.isEmpty()) {
            return SecretUpdate.replaceWith(Secret.of(clientSecret));
        }
        return Boolean.TRUE.equals(clearClientSecret) ? SecretUpdate.clear() : SecretUpdate.keep();
    }

    /**
     * The connector this document describes, with {@code configId}; {@code enabled} defaults to true and
     * {@code nationalCloud} to {@code GLOBAL}.
     *
     * @throws ConfigurationException every field that is wrong
     */
    EntraConnectorConfig toConfig(String configId, StoredSecret currentSecret) {
        List<FieldError> errors = new ArrayList<>();
        EntraConnectorConfigBuilder builder = EntraConnectorConfig.builder()
                .id(configId)
                .displayName(displayName)
                .enabled(enabled == null || enabled)
                .tenantId(tenantId)
                .clientId(clientId)
                .clientSecret(secretUpdate().applyTo(currentSecret))
                .graphBaseUrl(graphBaseUrl);
        if (nationalCloud != null) {
            NationalCloud.fromName(nationalCloud).ifPresentOrElse(builder::nationalCloud,
                    () -> errors.add(new FieldError("nationalCloud", "must be GLOBAL, US_GOV or CHINA")));
        }
        try {
            EntraConnectorConfig config = builder.build();
            if (errors.isEmpty()) {
                return config;
            }
        } catch (ConfigurationException e) {
            errors.addAll(e.fieldErrors());
        }
        throw new ConfigurationException("Entra ID connector is invalid", errors);
    }

    /** Never prints the secret sent in. */
    @Override
    public String toString() {
        return "EntraConnectorJson[id=" + id + ", displayName=" + displayName + "]";
    }
}
