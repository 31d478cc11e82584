package io.lanyard.sandbox;

import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.entra.EntraEndpoints;
import java.net.URI;
import java.util.Objects;

/**
 * Sends the Cloud integration page's "Test" to a local stand-in for Microsoft Entra ID and Microsoft Graph
 * ({@code --entra-stand-in}), so connectors can be tried without a tenant and tests never reach the internet. The
 * token endpoint keeps its path ({@code /<tenant>/oauth2/v2.0/token}), Graph is at the stand-in's root, and the
 * requested scope still names the connector's real Graph resource. The sandbox's own: no product wires this.
 */
final class EntraStandIn implements EntraEndpoints {

    private final URI base;

    EntraStandIn(URI base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    @Override
    public URI tokenEndpoint(EntraConnectorConfig connector) {
        return EntraEndpoints.tokenEndpointAt(base, connector);
    }

    @Override
    public URI graphBaseUrl(EntraConnectorConfig connector) {
        return URI.create(EntraEndpoints.withoutTrailingSlash(base));
    }

    @Override
    public String toString() {
        return "EntraStandIn[" + base + "]";
    }
}
