package io.lanyard.plugin.admin.integration;

import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.diagnostics.EntraConnectorCheck;
import io.lanyard.core.diagnostics.GraphCheckReport;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;

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
    public String pagesPath() {
        return "cloud";
    }

    @Override
    public String itemKey() {
        return "connector";
    }

    @Override
    public String apiPath() {
        return "connectors";
    }

    @Override
    public String exportName() {
        return "entraConnectors";
    }

    /** A document written before connectors existed changes only the identity providers. */
    @Override
    public boolean importWithoutListKeepsCurrent() {
        return true;
    }

    @Override
    public EntraConnectorForm newForm(String id) {
        return EntraConnectorForm.newConnector(id);
    }

    @Override
    public EntraConnectorForm formOf(EntraConnectorConfig config) {
        return EntraConnectorForm.of(config);
    }

    @Override
    public EntraConnectorForm formFrom(HttpServletRequest request, String id) {
        return EntraConnectorForm.fromRequest(request, id);
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
