package io.lanyard.sandbox;

import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.DirectorySyncSettings;
import io.lanyard.core.config.DirectorySyncSettings.GroupScope;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.change.ConfigurationService;
import io.lanyard.core.dirsync.DirectorySync;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.host.ClusterState;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.plugin.dirsync.DirectorySyncs;
import io.lanyard.plugin.lifecycle.LanyardSecrets;
import io.lanyard.sandbox.graph.GeneratedTenant;
import io.lanyard.sandbox.graph.TenantGraphStandIn;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's directory sync (issue 20). With {@code --entra-stand-in built-in} a second stand-in serves a
 * generated tenant ({@value #DEFAULT_USERS} users and a fifth as many groups by default; the system property
 * {@value #USERS_PROPERTY} sets the number of users) and {@code connector.xml} gets a connector for it once, with its
 * directory sync set up but not scheduled: "Sync now" on its page fills the sandbox's directory. The syncs run against
 * the sandbox's directory through the same ports as in a product.
 */
final class SandboxDirectorySync implements AutoCloseable {

    static final String CONNECTOR_NAME = "Generated tenant (directory sync)";
    static final String USERS_PROPERTY = "lanyard.sandbox.tenant.users";
    static final int DEFAULT_USERS = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(SandboxDirectorySync.class);

    private final TenantGraphStandIn standIn;
    private DirectorySyncs syncs = DirectorySyncs.none();

    private SandboxDirectorySync(TenantGraphStandIn standIn) {
        this.standIn = standIn;
    }

    /** Without a generated tenant: syncs of the connectors in {@code connector.xml} only. */
    static SandboxDirectorySync withoutTenant() {
        return new SandboxDirectorySync(null);
    }

    /** Starts the generated tenant's stand-in and adds its connector to {@code connector.xml} (once). */
    static SandboxDirectorySync withGeneratedTenant(ConfigurationService changes, Secret clientSecret)
            throws IOException {
        int users = Integer.getInteger(USERS_PROPERTY, DEFAULT_USERS);
        GeneratedTenant tenant = GeneratedTenant.generate(users, Math.max(1, users / 5), 1);
        TenantGraphStandIn standIn = TenantGraphStandIn.start(tenant, clientSecret);
        try {
            addConnector(changes, clientSecret);
        } catch (RuntimeException e) {
            standIn.close();
            throw e;
        }
        LOG.info("A generated tenant of {} users, {} groups and {} memberships at {}: \"Sync now\" on connector \"{}\" "
                + "fills the sandbox's directory", users, tenant.groupCount(), tenant.membershipCount(),
                standIn.url(), CONNECTOR_NAME);
        return new SandboxDirectorySync(standIn);
    }

    private static void addConnector(ConfigurationService changes, Secret clientSecret) {
        LanyardConfiguration current = changes.current();
        if (current.entraConnectors().stream().anyMatch(c -> c.tenantId().equals(TenantGraphStandIn.TENANT))) {
            return;
        }
        EntraConnectorConfig connector = EntraConnectorConfig.newConnector().displayName(CONNECTOR_NAME)
                .tenantId(TenantGraphStandIn.TENANT).clientId(TenantGraphStandIn.CLIENT_ID)
                .clientSecret(StoredSecret.plaintext(clientSecret))
                .sync(DirectorySyncSettings.builder().groups(GroupScope.NAME_PATTERN).groupNamePattern(".*")
                        .usernamePattern("(.*)@.*").defaultGroups(List.of(SandboxUserDirectory.USERS_GROUP)).build())
                .build();
        List<EntraConnectorConfig> connectors = new ArrayList<>(current.entraConnectors());
        connectors.add(connector);
        changes.change(configuration -> configuration.with(IntegrationKind.ENTRA_CONNECTOR, connectors));
    }

    /** The generated tenant's connector reaches its stand-in; every other connector goes where {@code others} says. */
    EntraEndpoints endpoints(EntraEndpoints others) {
        if (standIn == null) {
            return others;
        }
        URI base = standIn.url();
        return new EntraEndpoints() {
            @Override
            public URI tokenEndpoint(EntraConnectorConfig connector) {
                return generated(connector) ? EntraEndpoints.tokenEndpointAt(base, connector)
                        : others.tokenEndpoint(connector);
            }

            @Override
            public URI graphBaseUrl(EntraConnectorConfig connector) {
                return generated(connector) ? base : others.graphBaseUrl(connector);
            }

            private boolean generated(EntraConnectorConfig connector) {
                return connector.tenantId().equals(TenantGraphStandIn.TENANT);
            }
        };
    }

    /** The syncs of this node, over the sandbox's directory; the schedule runs those whose sync is on. */
    DirectorySyncs start(ConfigurationHolder configuration, Path lanyardDirectory, LanyardSecrets secrets,
            SandboxUserDirectory directory, AuditSink audit, ClusterState cluster) {
        syncs = new DirectorySyncs(configuration, Optional.of(new DirectorySync(lanyardDirectory.resolve("dirsync"),
                new ProviderHttpClient(DirectorySyncs.GRAPH_LIMITS), secrets.graph(),
                new DirectorySync.Host(directory, directory, directory), audit, Clock.systemUTC(), cluster.nodeName())),
                Clock.systemUTC()).startSchedule();
        return syncs;
    }

    @Override
    public void close() {
        syncs.close();
        if (standIn != null) {
            standIn.close();
        }
    }
}
