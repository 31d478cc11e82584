package io.lanyard.core.entra;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.error.LogText;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.secret.ClientSecrets;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.signing.SigningKeys;
import io.lanyard.core.token.ClientCredential;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Microsoft Graph as an Entra ID connector reaches it: an app-only token from the connector's tenant, then {@code GET}
 * requests with it.
 *
 * <p>The token: {@code POST {authority}/{tenant}/oauth2/v2.0/token} with {@code grant_type=client_credentials} and
 * {@code scope={graph}/.default} (Microsoft identity platform, "OAuth 2.0 client credentials flow"), authenticated
 * with the connector's client secret ({@code client_secret_post}; during a rotation the current and the next one, as
 * {@code ClientSecretRotation} says) or with an assertion signed by Lanyard's certificate ({@code private_key_jwt};
 * "Microsoft identity platform certificate credentials": {@code aud} is the tenant's real token endpoint). An OAuth
 * error (RFC 6749 §5.2, with Entra's {@code AADSTS…} description) is {@code LNY-711}, a refused assertion
 * {@code LNY-716}.
 *
 * <p>Cannot connect or no answer in time: {@code LNY-710}. An answer that is not what these endpoints send (not JSON,
 * no token, too large): {@code LNY-713}. Calls are bounded by the {@link ProviderHttpClient} and never follow
 * redirects. Neither secrets nor tokens are kept, logged or quoted; should Entra echo a secret in an error text, it is
 * replaced there. Thread-safe; keeps nothing between calls but which secret worked.
 */
public final class GraphClient {

    /** Entra's descriptions carry trace and correlation ids and a timestamp: enough to quote, capped all the same. */
    private static final int MAX_REMOTE_TEXT = 600;

    private final ProviderHttpClient http;
    private final ClientSecretResolver secrets;
    private final SigningKeys signingKeys;
    private final EntraEndpoints endpoints;

    public GraphClient(ProviderHttpClient http, ClientSecretResolver secrets, SigningKeys signingKeys,
            EntraEndpoints endpoints) {
        this.http = Objects.requireNonNull(http, "http");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.signingKeys = Objects.requireNonNull(signingKeys, "signingKeys");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    }

    public URI tokenEndpoint(EntraConnectorConfig connector) {
        return endpoints.tokenEndpoint(connector);
    }

    /** {@code path} (e.g. {@code /v1.0/organization}) on the connector's Graph endpoint. */
    public URI graphUrl(EntraConnectorConfig connector, String path) {
        return URI.create(EntraEndpoints.withoutTrailingSlash(endpoints.graphBaseUrl(connector)) + path);
    }

    /** The scope of an app-only token for Graph: its resource identifier with {@code /.default}. */
    static Scope graphScope(EntraConnectorConfig connector) {
        return new Scope(EntraEndpoints.withoutTrailingSlash(connector.effectiveGraphBaseUrl()) + "/.default");
    }

    /**
     * An app-only access token for the connector's Graph.
     *
     * @throws EntraCallException {@code LNY-105}/{@code LNY-107} (no secret), {@code LNY-112} (no signing key),
     *         {@code LNY-304}, {@code LNY-710}, {@code LNY-711}, {@code LNY-713} or {@code LNY-716}
     */
    public AccessToken token(EntraConnectorConfig connector) throws EntraCallException {
        URI tokenEndpoint = endpoints.tokenEndpoint(connector);
        if (connector.clientAuthMethod() == ClientAuthMethod.PRIVATE_KEY_JWT) {
            // The assertion's audience is the tenant's real token endpoint, wherever the request goes.
            URI audience = EntraEndpoints.NATIONAL_CLOUDS.tokenEndpoint(connector);
            try {
                return new ClientCredential.SignedAssertion(signingKeys, audience).authenticate(connector.clientId(),
                        EntraCallException.class, credential -> requestToken(connector, tokenEndpoint, credential),
                        refusal -> refusal.code() == ErrorCode.ENTRA_CLIENT_ASSERTION_REFUSED);
            } catch (LanyardException e) {
                throw new EntraCallException(e.errorCode(), e.getMessage());
            }
        }
        ClientSecrets both = secrets.resolveBoth(SecretOwner.connector(connector.id()), connector.clientSecret(),
                connector.nextClientSecret());
        try {
            return secrets.rotation().authenticate(both, EntraCallException.class,
                    candidate -> {
                        try {
                            return requestToken(connector, tokenEndpoint,
                                    new ClientCredential.SharedSecret(candidate.secret(), ClientAuthMethod.CLIENT_SECRET_POST));
                        } catch (EntraCallException e) {
                            throw e.without(candidate.secret().reveal());
                        }
                    },
                    refusal -> refusal.remoteCode().filter("invalid_client"::equals).isPresent(),
                    (first, second) -> second.as(ErrorCode.CLIENT_SECRETS_BOTH_REFUSED, "Entra ID refused both the "
                            + "current and the next client secret of connector " + connector.id() + ": "
                            + second.getMessage()));
        } catch (LanyardException noSecret) {
            throw new EntraCallException(noSecret.errorCode(), noSecret.getMessage());
        }
    }

    /**
     * {@code GET} on Graph with the token.
     *
     * @return the JSON object of a 200 answer
     * @throws EntraCallException {@code LNY-712} for a Graph error (with its status, {@code error.code} and
     *         {@code error.message}), {@code LNY-710}, {@code LNY-713}
     */
    public Map<String, Object> get(URI url, AccessToken token) throws EntraCallException {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, url);
        request.setAuthorization(token.toAuthorizationHeader());
        request.setAccept("application/json");
        String where = "GET " + url;
        HTTPResponse response = send(request);
        Map<String, Object> body = json(response, where);
        if (response.getStatusCode() != 200) {
            throw graphError(response.getStatusCode(), body, where);
        }
        return body;
    }

    private AccessToken requestToken(EntraConnectorConfig connector, URI tokenEndpoint, ClientCredential credential)
            throws EntraCallException {
        TokenRequest request = new TokenRequest(tokenEndpoint, credential.authentication(connector.clientId()),
                new ClientCredentialsGrant(), graphScope(connector));
        String where = "POST " + tokenEndpoint;
        HTTPResponse response = send(request.toHTTPRequest());
        TokenResponse parsed;
        try {
            parsed = TokenResponse.parse(response);
        } catch (ParseException e) {
            throw new EntraCallException(ErrorCode.ENTRA_RESPONSE_INVALID, where + " answered HTTP "
                    + response.getStatusCode() + " with something that is not an OAuth 2.0 token response");
        }
        if (!parsed.indicatesSuccess()) {
            ErrorObject error = parsed.toErrorResponse().getErrorObject();
            if (error == null || error.getCode() == null || error.getCode().isBlank()) {
                // Nimbus reads any non-2xx as an error response; without an "error" it is not one from Entra ID.
                throw new EntraCallException(ErrorCode.ENTRA_RESPONSE_INVALID, where + " answered HTTP "
                        + response.getStatusCode() + " without an OAuth 2.0 error");
            }
            String code = quotable(error.getCode());
            ErrorCode refused = "invalid_client".equals(code) && credential instanceof ClientCredential.SignedAssertion
                    ? ErrorCode.ENTRA_CLIENT_ASSERTION_REFUSED : ErrorCode.ENTRA_TOKEN_REFUSED;
            throw new EntraCallException(refused, where + " answered HTTP " + response.getStatusCode() + " error="
                    + code, response.getStatusCode(), code,
                    quotable(error.getDescription() == null ? "" : error.getDescription()));
        }
        AccessToken token = parsed.toSuccessResponse().getTokens().getAccessToken();
        if (token == null) {
            throw new EntraCallException(ErrorCode.ENTRA_RESPONSE_INVALID, where + " answered without an access token");
        }
        return token;
    }

    private static EntraCallException graphError(int status, Map<String, Object> body, String where) {
        if (body.get("error") instanceof Map<?, ?> error && error.get("code") instanceof String code) {
            String message = error.get("message") instanceof String text ? text : "";
            return new EntraCallException(ErrorCode.GRAPH_REQUEST_REFUSED, where + " answered HTTP " + status + " "
                    + quotable(code), status, quotable(code), quotable(message));
        }
        return new EntraCallException(ErrorCode.ENTRA_RESPONSE_INVALID, where + " answered HTTP " + status
                + " without a Microsoft Graph error");
    }

    private HTTPResponse send(HTTPRequest request) throws EntraCallException {
        try {
            return http.send(request, ErrorCode.ENTRA_UNREACHABLE);
        } catch (LanyardException e) {
            if (e.errorCode() == ErrorCode.ENTRA_UNREACHABLE) {
                throw new EntraCallException(ErrorCode.ENTRA_UNREACHABLE, e.getMessage());
            }
            // HTTP_RESPONSE_TOO_LARGE: not what a token endpoint or Graph sends.
            throw new EntraCallException(ErrorCode.ENTRA_RESPONSE_INVALID, e.getMessage());
        }
    }

    private static Map<String, Object> json(HTTPResponse response, String where) throws EntraCallException {
        String body = response.getBody();
        try {
            return JSONObjectUtils.parse(body == null ? "" : body);
        } catch (java.text.ParseException e) {
            throw new EntraCallException(ErrorCode.ENTRA_RESPONSE_INVALID, where + " answered HTTP "
                    + response.getStatusCode() + " with something that is not JSON");
        }
    }

    /** Remote text for a log line and a page: one line, capped. The page escapes it. */
    public static String quotable(String text) {
        String oneLine = LogText.oneLine(text).strip();
        return oneLine.length() > MAX_REMOTE_TEXT ? oneLine.substring(0, MAX_REMOTE_TEXT) + "…" : oneLine;
    }
}
