package io.lanyard.plugin.admin;

import io.lanyard.core.config.ConfigurationService;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IdGenerator;
import io.lanyard.core.config.xml.ConnectorXmlStore;
import io.lanyard.core.entra.GraphConnectionCheck;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;

/**
 * The "Cloud integration" pages: Microsoft Entra ID connectors, whose "Test" obtains a client-credentials token and
 * reads Graph's organization.
 */
final class CloudPages extends IntegrationPages<EntraConnectorConfig, EntraConnectorForm> {

    static final String BASE = "/cloud";
    /** The shape of a connector id ({@code IdGenerator.newConnectorId()}). */
    private static final Pattern CONNECTOR_ID = Pattern.compile("[a-z0-9]{12}");

    private final GraphConnectionCheck check;

    CloudPages(ConfigurationService configuration, GraphConnectionCheck check, ClientSecretResolver secrets,
            AdminView view, AdminGuard guard) {
        super(configuration, secrets, view, guard, BASE, AdminView.TAB_CLOUD);
        this.check = check;
    }

    @Override
    String label() {
        return "Entra ID connector";
    }

    @Override
    String fileName() {
        return ConnectorXmlStore.FILE_NAME;
    }

    @Override
    String itemKey() {
        return "connector";
    }

    @Override
    List<EntraConnectorConfig> all() {
        return configuration.current().entraConnectors();
    }

    @Override
    Optional<EntraConnectorConfig> find(String id) {
        return configuration.current().entraConnector(id);
    }

    @Override
    String id(EntraConnectorConfig config) {
        return config.id();
    }

    @Override
    String displayName(EntraConnectorConfig config) {
        return config.displayName();
    }

    @Override
    StoredSecret storedSecret(EntraConnectorConfig config) {
        return config.clientSecret();
    }

    @Override
    String newId() {
        return IdGenerator.newConnectorId();
    }

    @Override
    boolean isWellFormedNewId(String posted) {
        return CONNECTOR_ID.matcher(posted).matches();
    }

    @Override
    EntraConnectorForm newForm(String id) {
        return EntraConnectorForm.newConnector(id);
    }

    @Override
    EntraConnectorForm formOf(EntraConnectorConfig config) {
        return EntraConnectorForm.of(config);
    }

    @Override
    EntraConnectorForm formFrom(HttpServletRequest request, String id) {
        return EntraConnectorForm.fromRequest(request, id);
    }

    @Override
    EntraConnectorConfig save(EntraConnectorConfig config) {
        return configuration.saveEntraConnector(config);
    }

    @Override
    void delete(String id) {
        configuration.deleteEntraConnector(id);
    }

    @Override
    EntraConnectorConfig withEnabled(EntraConnectorConfig config, boolean enabled) {
        return config.toBuilder().enabled(enabled).build();
    }

    @Override
    Map<String, Object> row(EntraConnectorConfig connector) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", connector.id());
        row.put("displayName", connector.displayName());
        row.put("tenantId", connector.tenantId());
        row.put("nationalCloud", connector.nationalCloud().name());
        row.put("enabled", connector.enabled());
        row.put("secret", SecretSection.of(connector, secrets).toSoy());
        return row;
    }

    @Override
    Map<String, Object> test(EntraConnectorConfig config) {
        return CheckViews.connectorReport(check.test(config));
    }

    @Override
    SecretSection secretSection(Optional<EntraConnectorConfig> stored, String id) {
        return stored.map(connector -> SecretSection.of(connector, secrets))
                .orElseGet(() -> SecretSection.ofNewConnector(id, secrets));
    }
}
