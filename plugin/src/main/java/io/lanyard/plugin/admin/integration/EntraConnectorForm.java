package io.lanyard.plugin.admin.integration;

import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.EntraConnectorConfigBuilder;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.NationalCloud;
import io.lanyard.core.secret.StoredSecret;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The Entra ID connector form as the administrator typed it: plain strings, so that a refused form is shown again
 * exactly as typed ({@link IntegrationForm}). Only {@link #toConfig} turns it into a connector, through the builder
 * that holds the rules. The client secret is not part of it: it is never shown again (see {@code SecretUpdate}).
 */
public record EntraConnectorForm(
        String id,
        String displayName,
        boolean enabled,
        String tenantId,
        String clientId,
        String clientAuthMethod,
        String nationalCloud,
        String graphBaseUrl) implements IntegrationForm<EntraConnectorConfig> {

    /** A new connector's form: enabled, the global cloud, under a new id that its secret's name already shows. */
    public static EntraConnectorForm newConnector(String id) {
        return new EntraConnectorForm(id, "", true, "", "", ClientAuthMethod.CLIENT_SECRET_POST.wireName(),
                NationalCloud.GLOBAL.name(), "");
    }

    public static EntraConnectorForm of(EntraConnectorConfig config) {
        return new EntraConnectorForm(config.id(), config.displayName(), config.enabled(), config.tenantId(),
                config.clientId(), config.clientAuthMethod().wireName(), config.nationalCloud().name(),
                config.graphBaseUrl().map(URI::toString).orElse(""));
    }

    /**
     * @throws ConfigurationException with every field that is wrong
     */
    @Override
    public EntraConnectorConfig toConfig(StoredSecret clientSecret) {
        List<FieldError> errors = new ArrayList<>();
        EntraConnectorConfigBuilder builder = common(EntraConnectorConfig.builder(), clientSecret)
                .tenantId(tenantId)
                .clientId(clientId)
                .graphBaseUrl(graphBaseUrl.isBlank() ? null : graphBaseUrl);
        // The page always posts a method; a form without one (an older page, a script) keeps the default.
        if (!clientAuthMethod.isBlank()) {
            ClientAuthMethod.fromWireName(clientAuthMethod.strip()).ifPresentOrElse(builder::clientAuthMethod,
                    () -> errors.add(new FieldError("clientAuthMethod", "must be client_secret_post or private_key_jwt")));
        }
        NationalCloud.fromName(nationalCloud.strip()).ifPresentOrElse(builder::nationalCloud,
                () -> errors.add(new FieldError("nationalCloud", "must be GLOBAL, US_GOV or CHINA")));
        return IntegrationForm.build(builder::build, errors, "Entra ID connector");
    }
}
