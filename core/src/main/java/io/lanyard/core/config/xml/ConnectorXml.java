package io.lanyard.core.config.xml;

import static io.lanyard.core.config.xml.IntegrationXmlFormat.optional;
import static io.lanyard.core.config.xml.IntegrationXmlFormat.required;

import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.EntraConnectorConfigBuilder;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.NationalCloud;
import java.net.URI;
import java.util.List;

/**
 * {@code connector.xml}, next to {@code provider.xml}: the Entra ID connectors' elements, each with the name
 * {@code EntraConnectorConfigBuilder} gives the same field.
 */
public final class ConnectorXml {

    public static final String FILE_NAME = "connector.xml";
    public static final String BACKUP_FILE_NAME = FILE_NAME + ".bak";

    static final IntegrationXmlFormat<EntraConnectorConfig, EntraConnectorConfigBuilder> FORMAT =
            new IntegrationXmlFormat<>(IntegrationKind.ENTRA_CONNECTOR, FILE_NAME, "lanyard-connectors", "connector",
                    "connectors", EntraConnectorConfig::builder, IntegrationXmlFormat.concat(List.of(
                    IntegrationXmlFormat.displayName(),
                    required("TENANT_ID", "tenantId", (b, text) -> b.tenantId(text.value()),
                            EntraConnectorConfig::tenantId),
                    required("CLIENT_ID", "clientId", (b, text) -> b.clientId(text.value()),
                            EntraConnectorConfig::clientId),
                    IntegrationXmlFormat.clientSecret(),
                    IntegrationXmlFormat.nextClientSecret(),
                    IntegrationXmlFormat.clientSecretExpiresOn(),
                    optional("CLIENT_AUTH_METHOD", "clientAuthMethod", (b, text) -> text.ifOneOf(
                            ClientAuthMethod::fromWireName, "must be client_secret_post or private_key_jwt",
                            b::clientAuthMethod), c -> c.clientAuthMethod().wireName()),
                    optional("NATIONAL_CLOUD", "nationalCloud", (b, text) -> text.ifOneOf(NationalCloud::fromName,
                            "must be GLOBAL, US_GOV or CHINA", b::nationalCloud), c -> c.nationalCloud().name()),
                    optional("GRAPH_BASE_URL", "graphBaseUrl", (b, text) -> b.graphBaseUrl(text.valueOrNull()),
                            c -> c.graphBaseUrl().map(URI::toString).orElse(""))), SyncXml.ELEMENTS));

    private ConnectorXml() {
    }
}
