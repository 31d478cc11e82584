package io.lanyard.sandbox;

import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.change.ConfigurationService;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.sandbox.graph.GraphStandIn;
import io.lanyard.sandbox.graph.StandInTenant;
import io.lanyard.sandbox.idp.BuiltInProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code --entra-stand-in built-in}: an Entra ID connector for the sandbox's Graph stand-in in
 * {@code connector.xml} (once), and the built-in provider reading its group overage through it (unless it names a
 * connector already). Both saved as an administrator's change would be: validated, atomic, the previous file kept.
 */
final class SandboxGraph {

    static final String CONNECTOR_NAME = "Sandbox Graph stand-in";
    private static final Logger LOG = LoggerFactory.getLogger(SandboxGraph.class);

    private SandboxGraph() {
    }

    static void connect(ConfigurationService changes, Secret clientSecret, URI standIn) {
        LanyardConfiguration current = changes.current();
        Optional<EntraConnectorConfig> existing = current.entraConnectors().stream()
                .filter(connector -> connector.tenantId().equals(StandInTenant.TENANT)).findFirst();
        EntraConnectorConfig connector = existing.orElseGet(() -> EntraConnectorConfig.newConnector()
                .displayName(CONNECTOR_NAME).tenantId(StandInTenant.TENANT).clientId(GraphStandIn.CLIENT_ID)
                .clientSecret(StoredSecret.plaintext(clientSecret)).build());
        LanyardConfiguration next = withOverageConnector(withConnector(current, connector), connector.id());
        if (!next.equals(current)) {
            changes.change(configuration -> next);
            LOG.info("Entra ID connector {} ({}) reads group overage of the built-in provider from the Graph stand-in "
                    + "at {}", connector.id(), CONNECTOR_NAME, standIn);
        }
    }

    private static LanyardConfiguration withConnector(LanyardConfiguration configuration,
            EntraConnectorConfig connector) {
        if (configuration.entraConnector(connector.id()).isPresent()) {
            return configuration;
        }
        List<EntraConnectorConfig> connectors = new ArrayList<>(configuration.entraConnectors());
        connectors.add(connector);
        return configuration.with(IntegrationKind.ENTRA_CONNECTOR, connectors);
    }

    /** Each built-in provider without an overage connector gets this one. */
    private static LanyardConfiguration withOverageConnector(LanyardConfiguration configuration, String connectorId) {
        return configuration.with(IntegrationKind.IDENTITY_PROVIDER, configuration.identityProviders().stream()
                .map(provider -> isBuiltInWithoutConnector(provider) ? withConnector(provider, connectorId) : provider)
                .toList());
    }

    private static boolean isBuiltInWithoutConnector(IdentityProviderConfig provider) {
        return BuiltInProvider.portOfIssuer(provider.issuer()) > 0
                && provider.provisioning().groups().overageConnector().isEmpty();
    }

    private static IdentityProviderConfig withConnector(IdentityProviderConfig provider, String connectorId) {
        var builder = provider.toBuilder();
        builder.provisioning().overageConnector(connectorId);
        return builder.build();
    }
}
