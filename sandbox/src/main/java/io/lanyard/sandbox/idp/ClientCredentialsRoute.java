package io.lanyard.sandbox.idp;

import com.nimbusds.jwt.SignedJWT;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * The client credentials grant (RFC 6749 §4.4) of the sandbox's client, answered with a JWT access token as RFC 9068
 * describes it ({@code typ: at+jwt}, {@code client_id}, {@code scope}, the API's audience), signed with the
 * provider's key. {@link ClientAuthenticationRoute} has already refused a request whose client is not authenticated.
 */
final class ClientCredentialsRoute implements Route {

    /** The audience the sandbox's token issuer requires: the REST API of the sandbox. */
    static final String API_AUDIENCE = "lanyard-sandbox-api";
    private static final long LIFETIME_SECONDS = 3600;

    private final OAuth2TokenProvider tokens;
    private final String clientId;
    private final Supplier<HttpUrl> issuer;

    ClientCredentialsRoute(OAuth2TokenProvider tokens, String clientId, Supplier<HttpUrl> issuer) {
        this.tokens = tokens;
        this.clientId = clientId;
        this.issuer = issuer;
    }

    @Override
    public boolean match(OAuth2HttpRequest request) {
        return ProviderPaths.isTokenRequest(request)
                && "client_credentials".equals(request.getFormParameters().get("grant_type"));
    }

    @Override
    public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        String requested = request.getFormParameters().get("scope");
        String scope = requested == null || requested.isBlank() ? "read write" : requested.strip();
        SignedJWT token = tokens.accessToken(request.asNimbusTokenRequest(), issuer.get(),
                new DefaultOAuth2TokenCallback(ProviderPaths.ISSUER_ID, clientId, "at+jwt", List.of(API_AUDIENCE),
                        Map.of("client_id", clientId, "scope", scope), LIFETIME_SECONDS), null);
        String body = "{\"access_token\":\"" + token.serialize() + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + LIFETIME_SECONDS + ",\"scope\":\"" + scope.replace("\\", "").replace("\"", "") + "\"}";
        return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json;charset=UTF-8",
                "Cache-Control", "no-store"), 200, body, null);
    }
}
