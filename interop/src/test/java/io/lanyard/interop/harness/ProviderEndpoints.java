package io.lanyard.interop.harness;

import java.net.URI;
import java.util.Map;

/** The paths of a provider's endpoints, from its metadata, as the proxy sees them. */
public record ProviderEndpoints(String discovery, String authorization, String token, String userinfo, String jwks) {

    public static ProviderEndpoints of(URI discoveryUrl, Map<String, Object> metadata) {
        return new ProviderEndpoints(discoveryUrl.getRawPath(), path(metadata, "authorization_endpoint"),
                path(metadata, "token_endpoint"), path(metadata, "userinfo_endpoint"), path(metadata, "jwks_uri"));
    }

    /** What only the relying party's server calls: discovery, keys, token and userinfo endpoints. */
    public boolean isBackChannel(String path) {
        return path.equals(discovery) || path.equals(jwks) || path.equals(token) || path.equals(userinfo);
    }

    private static String path(Map<String, Object> metadata, String name) {
        Object value = metadata.get(name);
        if (!(value instanceof String)) {
            throw new IllegalStateException("the provider's metadata has no " + name);
        }
        return URI.create((String) value).getRawPath();
    }
}
