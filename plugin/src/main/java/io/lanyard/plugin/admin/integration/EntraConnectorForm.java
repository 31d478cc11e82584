package io.lanyard.plugin.admin.integration;

import static io.lanyard.plugin.admin.integration.FormLayout.Field.checkbox;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.select;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.text;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.url;
import static io.lanyard.plugin.admin.integration.FormLayout.section;

import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.config.DirectorySyncSettings;
import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.EntraConnectorConfigBuilder;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.NationalCloud;
import io.lanyard.core.secret.StoredSecret;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
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
        String graphBaseUrl,
        SyncForm sync) implements IntegrationForm<EntraConnectorConfig> {

    /** The connector, its app registration, its client secret, and the Microsoft cloud it lives in. */
    public static final FormLayout LAYOUT = FormLayout.of(
            section("connector",
                    text("displayName").asRequired().withHelp("lanyard.admin.help.connector.displayName"),
                    checkbox("enabled").withHelp("lanyard.admin.help.connector.enabled")),
            section("app",
                    text("tenantId").asRequired().withPlaceholder("contoso.onmicrosoft.com"),
                    text("clientId").asRequired().withPlaceholder("00000000-0000-0000-0000-000000000000")
                            .withTexts("lanyard.admin.field.connector.clientId", "lanyard.admin.help.connector.clientId"),
                    select("clientAuthMethod", List.of(ClientAuthMethod.CLIENT_SECRET_POST.wireName(),
                            ClientAuthMethod.PRIVATE_KEY_JWT.wireName()), "lanyard.admin.option.")
                            .withHelp("lanyard.admin.help.connector.clientAuthMethod")),
            FormLayout.CLIENT_SECRET,
            section("cloud",
                    select("nationalCloud", Arrays.stream(NationalCloud.values()).map(NationalCloud::name).toList(),
                            "lanyard.admin.option.cloud."),
                    url("graphBaseUrl").withPlaceholder("https://graph.microsoft.com").asAdvanced()),
            section("sync", SyncForm.FIELDS.toArray(FormLayout.Field[]::new)).withIntro());

    /** A new connector's form: enabled, the global cloud, under a new id that its secret's name already shows. */
    public static EntraConnectorForm newConnector(String id) {
        return new EntraConnectorForm(id, "", true, "", "", ClientAuthMethod.CLIENT_SECRET_POST.wireName(),
                NationalCloud.GLOBAL.name(), "", SyncForm.of(DirectorySyncSettings.defaults()));
    }

    public static EntraConnectorForm of(EntraConnectorConfig config) {
        return new EntraConnectorForm(config.id(), config.displayName(), config.enabled(), config.tenantId(),
                config.clientId(), config.clientAuthMethod().wireName(), config.nationalCloud().name(),
                config.graphBaseUrl().map(URI::toString).orElse(""), SyncForm.of(config.sync()));
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
        sync.applyTo(builder.sync(), errors);
        return IntegrationForm.build(builder::build, errors, "Entra ID connector");
    }
}
