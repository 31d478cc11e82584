package io.lanyard.plugin.admin.integration;

import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.diagnostics.EntraConnectorCheck;
import io.lanyard.core.diagnostics.GraphCheckReport;
import java.util.Map;

/**
 * "Cloud integration": Microsoft Entra ID connectors, whose "Test" obtains a client-credentials token and reads
 * Graph's organization. Besides what every kind has: the tenant and the national cloud in the list.
 */
public final class EntraConnectorAdmin implements IntegrationAdmin<EntraConnectorConfig, EntraConnectorForm> {

    private final EntraConnectorCheck check;

    public EntraConnectorAdmin(EntraConnectorCheck check) {
        this.check = check;
    }

    @Override
    public IntegrationKind<EntraConnectorConfig> kind() {
        return IntegrationKind.ENTRA_CONNECTOR;
    }

    @Override
    public Names names() {
        // A document written before connectors existed changes only the identity providers.
        return new Names("cloud", "connector", "connectors", "entraConnectors", true);
    }

    @Override
    public Forms<EntraConnectorConfig, EntraConnectorForm> forms() {
        return new Forms<>(EntraConnectorForm.class, EntraConnectorForm::newConnector, EntraConnectorForm::of,
                EntraConnectorForm.LAYOUT);
    }

    @Override
    public void addColumns(EntraConnectorConfig connector, Map<String, Object> row) {
        row.put("tenantId", connector.tenantId());
        row.put("nationalCloud", connector.nationalCloud().name());
    }

    @Override
    public Class<EntraConnectorJson> jsonType() {
        return EntraConnectorJson.class;
    }

    @Override
    public IntegrationJson<EntraConnectorConfig> toJson(EntraConnectorConfig config, SecretSection secret) {
        return EntraConnectorJson.of(config, secret);
    }

    @Override
    public TestResult test(EntraConnectorConfig config) {
        GraphCheckReport report = check.test(config);
        return new TestResult(CheckViews.connectorReport(report), CheckViews.connectorReportJson(report));
    }
}
