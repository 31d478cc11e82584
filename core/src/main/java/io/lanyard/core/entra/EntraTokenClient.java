package io.lanyard.core.entra;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.entra.GraphCallException.Reason;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.secret.Secret;
import java.net.URI;
import java.util.Objects;

/**
 * An app-only token for Microsoft Graph with a connector's client credentials: {@code POST
 * {authority}/{tenant}/oauth2/v2.0/token} with {@code grant_type=client_credentials}, {@code client_id},
 * {@code client_secret} and {@code scope={graph}/.default} (Microsoft identity platform, "OAuth 2.0 client credentials
 * flow", first case: shared secret). Neither the secret nor the token is logged or kept here.
 */
public final class EntraTokenClient {

    private final ProviderHttpClient http;
    private final EntraEndpoints endpoints;

    public EntraTokenClient(ProviderHttpClient http, EntraEndpoints endpoints) {
        this.http = Objects.requireNonNull(http, "http");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    }

    /** The scope of an app-only token for Graph: its resource identifier with {@code /.default}. */
    public static Scope graphScope(EntraConnectorConfig connector) {
        return new Scope(EntraEndpoints.withoutTrailingSlash(connector.effectiveGraphBaseUrl()) + "/.default");
    }

    /** A token and how long Entra ID says it lasts ({@code expires_in}, 0 when it did not say). */
    public record AppToken(AccessToken token, long lifetimeSeconds) {
    }

    /**
     * @throws GraphCallException {@code UNREACHABLE}; {@code REFUSED} with Entra's OAuth error (RFC 6749 §5.2, its
     *         {@code AADSTS…} description); {@code INVALID} for anything that is not a token response
     */
    public AppToken request(EntraConnectorConfig connector, Secret secret) throws GraphCallException {
        URI tokenEndpoint = endpoints.tokenEndpoint(connector);
        TokenRequest request = new TokenRequest(tokenEndpoint,
                new ClientSecretPost(new ClientID(connector.clientId()),
                        new com.nimbusds.oauth2.sdk.auth.Secret(secret.reveal())),
                new ClientCredentialsGrant(), graphScope(connector));
        String where = "POST " + tokenEndpoint;
        HTTPResponse response = EntraCalls.send(http, request.toHTTPRequest());
        TokenResponse parsed;
        try {
            parsed = TokenResponse.parse(response);
        } catch (ParseException e) {
            throw new GraphCallException(Reason.INVALID, where + " answered HTTP " + response.getStatusCode()
                    + " with something that is not an OAuth 2.0 token response");
        }
        if (!parsed.indicatesSuccess()) {
            ErrorObject error = parsed.toErrorResponse().getErrorObject();
            if (error == null || error.getCode() == null || error.getCode().isBlank()) {
                // Nimbus reads any non-2xx as an error response; without an "error" it is not one from Entra ID.
                throw new GraphCallException(Reason.INVALID, where + " answered HTTP " + response.getStatusCode()
                        + " without an OAuth 2.0 error");
            }
            String code = EntraCalls.quotable(error.getCode());
            String description = error.getDescription() == null ? "" : EntraCalls.quotable(error.getDescription());
            throw new GraphCallException(Reason.REFUSED, where + " answered HTTP " + response.getStatusCode()
                    + " error=" + code, code, description, -1);
        }
        AccessToken token = parsed.toSuccessResponse().getTokens().getAccessToken();
        if (token == null) {
            throw new GraphCallException(Reason.INVALID, where + " answered without an access token");
        }
        return new AppToken(token, Math.max(0, token.getLifetime()));
    }
}
