package io.lanyard.sandbox.graph;

import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.config.DirectorySyncSettings;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.dirsync.DirectorySync;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.entra.GraphClient;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.secret.secured.SecuredPropertyValues;
import io.lanyard.core.signing.SigningKeys;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A {@link DirectorySync} wired to a {@link TenantGraphStandIn}, as the tests, the sandbox and the benchmark use it:
 * the connector's requests go to the stand-in (token endpoint and Graph), with the stand-in's client and secret.
 */
public final class StandInDirectorySync {

    /** The connector's id in tests and the benchmark. */
    public static final String CONNECTOR_ID = "dirsync0test";
    /** Graph answers of a sync (a page of 999 users, a page of groups with members) are larger than a login's. */
    public static final HttpLimits LIMITS = new HttpLimits(Duration.ofSeconds(5), Duration.ofSeconds(60),
            16 * 1024 * 1024);

    private StandInDirectorySync() {
    }

    /** A connector of the stand-in's tenant with these sync settings. */
    public static EntraConnectorConfig connector(Secret secret, DirectorySyncSettings sync) {
        return EntraConnectorConfig.builder().id(CONNECTOR_ID).displayName("Generated tenant")
                .tenantId(TenantGraphStandIn.TENANT).clientId(TenantGraphStandIn.CLIENT_ID)
                .clientSecret(StoredSecret.plaintext(secret)).sync(sync).build();
    }

    /** Requests to the stand-in at {@code base}: the token endpoint keeps its path, Graph is at the root. */
    public static EntraEndpoints endpoints(URI base) {
        return new EntraEndpoints() {
            @Override
            public URI tokenEndpoint(EntraConnectorConfig connector) {
                return EntraEndpoints.tokenEndpointAt(base, connector);
            }

            @Override
            public URI graphBaseUrl(EntraConnectorConfig connector) {
                return URI.create(EntraEndpoints.withoutTrailingSlash(base));
            }
        };
    }

    /**
     * @param home Lanyard's folder (signing keys) and the sync's state below {@code dirsync/}
     */
    public static DirectorySync create(Path home, URI standIn, DirectorySync.Host host, AuditSink audit, Clock clock) {
        EntraEndpoints endpoints = endpoints(standIn);
        ProviderHttpClient http = new ProviderHttpClient(LIMITS);
        ClientSecretResolver secrets = new ClientSecretResolver(Map.of(), Map.of(), SecuredPropertyValues.none());
        GraphClient tokens = new GraphClient(http, secrets, SigningKeys.in(home, "Lanyard sandbox", clock), endpoints);
        return new DirectorySync(home.resolve("dirsync"), http, tokens, host, audit, clock, "node-1");
    }
}
