package io.lanyard.plugin.admin.integration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.EntraConnectorConfigBuilder;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.NationalCloud;
import io.lanyard.core.secret.StoredSecret;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** An Entra ID connector in the JSON API, in both directions ({@link IntegrationJson}). */
public record EntraConnectorJson(
        String id,
        String displayName,
        Boolean enabled,
        String tenantId,
        String clientId,
        String clientAuthMethod,
        String clientSecretExpiresOn,
        String nationalCloud,
        String graphBaseUrl,
        SyncJson sync,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String clientSecret,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) Boolean clearClientSecret,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String nextClientSecret,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) Boolean clearNextClientSecret,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) SecretSection.Json secret)
        implements IntegrationJson<EntraConnectorConfig> {

    static EntraConnectorJson of(EntraConnectorConfig config, SecretSection secret) {
        return new EntraConnectorJson(config.id(), config.displayName(), config.enabled(), config.tenantId(),
                config.clientId(), config.clientAuthMethod().wireName(),
                config.clientSecretExpiresOn().map(java.time.LocalDate::toString).orElse(null),
                config.nationalCloud().name(), config.graphBaseUrl().map(URI::toString).orElse(null),
                SyncJson.of(config.sync()), null, null, null, null, secret.toJson());
    }

    /** {@code nationalCloud} defaults to {@code GLOBAL}. */
    @Override
    public EntraConnectorConfig toConfig(String configId, StoredSecret currentSecret) {
        List<FieldError> errors = new ArrayList<>();
        EntraConnectorConfigBuilder builder = common(EntraConnectorConfig.builder(), configId, currentSecret)
                .tenantId(tenantId)
                .clientId(clientId)
                .graphBaseUrl(graphBaseUrl);
        if (clientAuthMethod != null) {
            ClientAuthMethod.fromWireName(clientAuthMethod).ifPresentOrElse(builder::clientAuthMethod,
                    () -> errors.add(new FieldError("clientAuthMethod", "must be client_secret_post or private_key_jwt")));
        }
        if (nationalCloud != null) {
            NationalCloud.fromName(nationalCloud).ifPresentOrElse(builder::nationalCloud,
                    () -> errors.add(new FieldError("nationalCloud", "must be GLOBAL, US_GOV or CHINA")));
        }
        if (sync != null) {
            sync.applyTo(builder.sync(), errors);
        }
        return IntegrationJson.build(builder, errors, "Entra ID connector");
    }

    /** Never prints the secret sent in. */
    @Override
    public String toString() {
        return "EntraConnectorJson[id=" + id + ", displayName=" + displayName + "]";
    }
}
