package io.lanyard.core.entra;

import io.lanyard.core.config.EntraConnectorConfig;
import java.net.URI;

/**
 * Where the requests of an Entra ID connector go. In every product they go to the connector's national cloud
 * ({@link #NATIONAL_CLOUDS}); the sandbox can send them to a local stand-in instead, which is why this is a seam.
 * The token's scope always names the connector's real Graph resource, wherever the request goes.
 */
public interface EntraEndpoints {

    /** The v2.0 token endpoint of the connector's tenant: {@code {authority}/{tenant}/oauth2/v2.0/token}. */
    URI tokenEndpoint(EntraConnectorConfig connector);

    /** The base URL Microsoft Graph is called at, without a trailing slash or version. */
    URI graphBaseUrl(EntraConnectorConfig connector);

    /**
     * Microsoft's own endpoints: the national cloud's sign-in authority (global {@code login.microsoftonline.com},
     * US Gov {@code login.microsoftonline.us}, China {@code login.chinacloudapi.cn}) and the connector's Graph URL
     * (the explicit one, or the cloud's).
     */
    EntraEndpoints NATIONAL_CLOUDS = new EntraEndpoints() {
        @Override
        public URI tokenEndpoint(EntraConnectorConfig connector) {
            return tokenEndpointAt(connector.nationalCloud().authority(), connector);
        }

        @Override
        public URI graphBaseUrl(EntraConnectorConfig connector) {
            return connector.effectiveGraphBaseUrl();
        }

        @Override
        public String toString() {
            return "EntraEndpoints.NATIONAL_CLOUDS";
        }
    };

    /**
     * {@code {authority}/{tenant}/oauth2/v2.0/token}. The tenant is a GUID or a DNS name (the connector's builder
     * allows nothing else), so it is a safe path segment.
     */
    static URI tokenEndpointAt(URI authority, EntraConnectorConfig connector) {
        return URI.create(withoutTrailingSlash(authority) + "/" + connector.tenantId() + "/oauth2/v2.0/token");
    }

    static String withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
