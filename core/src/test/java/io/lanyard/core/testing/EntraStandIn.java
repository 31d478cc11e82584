package io.lanyard.core.testing;

import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.entra.EntraEndpoints;
import java.net.URI;

/**
 * Entra ID and Microsoft Graph at one local stand-in (WireMock): the token endpoint with the tenant in its path, Graph
 * at its root. The connector's real Graph resource stays in the token's scope.
 */
public record EntraStandIn(URI base) implements EntraEndpoints {

    @Override
    public URI tokenEndpoint(EntraConnectorConfig connector) {
        return EntraEndpoints.tokenEndpointAt(base, connector);
    }

    @Override
    public URI graphBaseUrl(EntraConnectorConfig connector) {
        return base;
    }
}
