package io.lanyard.sandbox.idp;

import io.lanyard.core.secret.Secret;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;

/**
 * Makes the built-in provider check its one client, which the mock library does not: this route comes first and
 * matches every token request whose client authentication is missing or wrong, answering 401 {@code invalid_client}
 * (RFC 6749 §5.2). {@code client_secret_basic} and {@code client_secret_post} are accepted, never both at once
 * (RFC 6749 §2.3).
 */
final class ClientAuthenticationRoute implements Route {

    private final String clientId;
    private final Secret clientSecret;

    ClientAuthenticationRoute(String clientId, Secret clientSecret) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @Override
    public boolean match(OAuth2HttpRequest request) {
        return ProviderPaths.isTokenRequest(request) && !isAuthenticated(request);
    }

    @Override
    public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        return ProviderResponses.tokenError(401, "invalid_client", "client authentication failed",
                "WWW-Authenticate", "Basic realm=\"sandbox\"");
    }

    boolean isAuthenticated(OAuth2HttpRequest request) {
        String authorization = request.getHeaders().get("Authorization");
        String postedSecret = request.getFormParameters().get("client_secret");
        if (authorization != null) {
            return postedSecret == null && basicMatches(authorization, request.getFormParameters().get("client_id"));
        }
        return clientId.equals(request.getFormParameters().get("client_id")) && secretMatches(postedSecret);
    }

    /** RFC 6749 §2.3.1: Basic with the form-encoded client id and secret. */
    private boolean basicMatches(String authorization, String postedClientId) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String id = formDecode(decoded.substring(0, colon));
        String secret = formDecode(decoded.substring(colon + 1));
        return id != null && id.equals(clientId) && (postedClientId == null || postedClientId.equals(clientId))
                && secretMatches(secret);
    }

    private boolean secretMatches(String given) {
        return given != null && !given.isEmpty() && clientSecret.equals(Secret.of(given));
    }

    private static String formDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
