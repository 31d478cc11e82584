package io.lanyard.core.diagnostics;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.diagnostics.GraphCheckReport.Organization;
import io.lanyard.core.diagnostics.GraphCheckReport.RemoteError;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LogText;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.secret.ResolvedSecret;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.SecretProblem;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The admin UI's "Test" of an Entra ID connector: obtains a token with the client-credentials grant and reads the
 * tenant's organization from Microsoft Graph, then reports the organization or the exact failure.
 *
 * <ol>
 *   <li>The client secret, resolved as at start (environment, JVM property, secured store, then
 *       {@code connector.xml}): none is {@code LNY-105} (or {@code LNY-107}) with the names looked for.</li>
 *   <li>{@code POST {authority}/{tenant}/oauth2/v2.0/token} with {@code grant_type=client_credentials},
 *       {@code client_id}, {@code client_secret} and {@code scope={graph}/.default} (Microsoft identity platform,
 *       "OAuth 2.0 client credentials flow", first case: shared secret). An OAuth error (RFC 6749 §5.2, with
 *       Entra's {@code AADSTS…} description) is {@code LNY-711}.</li>
 *   <li>{@code GET {graph}/v1.0/organization} with the token as Bearer. A Graph error
 *       ({@code {"error": {"code", "message"}}}, e.g. {@code Authorization_RequestDenied} without
 *       Organization.Read.All) is {@code LNY-712}.</li>
 * </ol>
 * Cannot connect or no answer in time: {@code LNY-710}. An answer that is not what these endpoints send (not JSON,
 * no token, larger than {@link io.lanyard.core.http.HttpLimits#maxBodyBytes()}): {@code LNY-713}.
 *
 * <p>Calls are bounded by the {@link ProviderHttpClient}'s limits and never follow redirects. Neither the secret nor
 * the token is kept, logged or put into the report; should Entra or Graph echo the secret in an error text, it is
 * replaced there. Thread-safe; keeps nothing between calls.
 */
public final class EntraConnectorCheck extends IntegrationCheck<EntraConnectorConfig, GraphCheckReport> {

    static final String ORGANIZATION_PATH = "/v1.0/organization";
    /** Entra's descriptions carry trace and correlation ids and a timestamp: enough to quote, capped all the same. */
    private static final int MAX_REMOTE_TEXT = 600;

    private final EntraEndpoints endpoints;

    public EntraConnectorCheck(ProviderHttpClient http, ClientSecretResolver secrets, EntraEndpoints endpoints) {
        super(http, secrets);
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    }

    @Override
    public GraphCheckReport test(EntraConnectorConfig connector) {
        URI tokenEndpoint = endpoints.tokenEndpoint(connector);
        URI graphUrl = URI.create(EntraEndpoints.withoutTrailingSlash(endpoints.graphBaseUrl(connector))
                + ORGANIZATION_PATH);
        ResolvedSecret resolved = clientSecret(connector);
        if (resolved.secret().isEmpty()) {
            SecretProblem problem = resolved.problem()
                    .orElse(new SecretProblem(ErrorCode.CLIENT_SECRET_MISSING, "no client secret is set"));
            return failed(tokenEndpoint, graphUrl, new Failure(problem.errorCode(), problem.message()));
        }
        Secret secret = resolved.secret().get();
        try {
            AccessToken token = requestToken(connector, tokenEndpoint, secret);
            Organization organization = readOrganization(graphUrl, token);
            return new GraphCheckReport(tokenEndpoint, graphUrl, Optional.of(organization), Optional.empty(),
                    Optional.empty());
        } catch (Failure failure) {
            return failed(tokenEndpoint, graphUrl, failure.withoutSecret(secret));
        }
    }

    /** The scope of an app-only token for Graph: its resource identifier with {@code /.default}. */
    static Scope graphScope(EntraConnectorConfig connector) {
        return new Scope(EntraEndpoints.withoutTrailingSlash(connector.effectiveGraphBaseUrl()) + "/.default");
    }

    private AccessToken requestToken(EntraConnectorConfig connector, URI tokenEndpoint, Secret secret) throws Failure {
        TokenRequest request = new TokenRequest(tokenEndpoint,
                new ClientSecretPost(new ClientID(connector.clientId()),
                        new com.nimbusds.oauth2.sdk.auth.Secret(secret.reveal())),
                new ClientCredentialsGrant(), graphScope(connector));
        String where = "POST " + tokenEndpoint;
        HTTPResponse response = send(request.toHTTPRequest(), where);
        TokenResponse parsed;
        try {
            parsed = TokenResponse.parse(response);
        } catch (ParseException e) {
            throw new Failure(ErrorCode.ENTRA_RESPONSE_INVALID, where + " answered HTTP " + response.getStatusCode()
                    + " with something that is not an OAuth 2.0 token response");
        }
        if (!parsed.indicatesSuccess()) {
            ErrorObject error = parsed.toErrorResponse().getErrorObject();
            if (error == null || error.getCode() == null || error.getCode().isBlank()) {
                // Nimbus reads any non-2xx as an error response; without an "error" it is not one from Entra ID.
                throw new Failure(ErrorCode.ENTRA_RESPONSE_INVALID, where + " answered HTTP "
                        + response.getStatusCode() + " without an OAuth 2.0 error");
            }
            String code = error.getCode();
            String description = error.getDescription() == null ? "" : error.getDescription();
            throw new Failure(ErrorCode.ENTRA_TOKEN_REFUSED, where + " answered HTTP " + response.getStatusCode()
                    + " error=" + quotable(code), new RemoteError(quotable(code), quotable(description)));
        }
        AccessToken token = parsed.toSuccessResponse().getTokens().getAccessToken();
        if (token == null) {
            throw new Failure(ErrorCode.ENTRA_RESPONSE_INVALID, where + " answered without an access token");
        }
        return token;
    }

    private Organization readOrganization(URI graphUrl, AccessToken token) throws Failure {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, graphUrl);
        request.setAuthorization(token.toAuthorizationHeader());
        request.setAccept("application/json");
        String where = "GET " + graphUrl;
        HTTPResponse response = send(request, where);
        Map<String, Object> body = json(response, where);
        if (response.getStatusCode() != 200) {
            throw graphError(response.getStatusCode(), body, where);
        }
        if (!(body.get("value") instanceof List<?> organizations) || organizations.isEmpty()
                || !(organizations.get(0) instanceof Map<?, ?> first)) {
            throw new Failure(ErrorCode.ENTRA_RESPONSE_INVALID, where + " answered without an organization");
        }
        Object id = first.get("id");
        Object name = first.get("displayName");
        if (!(id instanceof String) || !(name instanceof String)) {
            throw new Failure(ErrorCode.ENTRA_RESPONSE_INVALID, where + " answered an organization without id or name");
        }
        return new Organization(quotable((String) id), quotable((String) name));
    }

    private static Failure graphError(int status, Map<String, Object> body, String where) {
        if (body.get("error") instanceof Map<?, ?> error && error.get("code") instanceof String code) {
            String message = error.get("message") instanceof String text ? text : "";
            return new Failure(ErrorCode.GRAPH_REQUEST_REFUSED, where + " answered HTTP " + status + " "
                    + quotable(code), new RemoteError(quotable(code), quotable(message)));
        }
        return new Failure(ErrorCode.ENTRA_RESPONSE_INVALID, where + " answered HTTP " + status
                + " without a Microsoft Graph error");
    }

    private HTTPResponse send(HTTPRequest request, String where) throws Failure {
        try {
            return http.send(request, ErrorCode.ENTRA_UNREACHABLE);
        } catch (LanyardException e) {
            if (e.errorCode() == ErrorCode.ENTRA_UNREACHABLE) {
                throw new Failure(ErrorCode.ENTRA_UNREACHABLE, e.getMessage());
            }
            // HTTP_RESPONSE_TOO_LARGE: not what a token endpoint or Graph sends.
            throw new Failure(ErrorCode.ENTRA_RESPONSE_INVALID, e.getMessage());
        }
    }

    private static Map<String, Object> json(HTTPResponse response, String where) throws Failure {
        String body = response.getBody();
        try {
            return JSONObjectUtils.parse(body == null ? "" : body);
        } catch (java.text.ParseException e) {
            throw new Failure(ErrorCode.ENTRA_RESPONSE_INVALID, where + " answered HTTP " + response.getStatusCode()
                    + " with something that is not JSON");
        }
    }

    /** Remote text for a log line and a page: one line, capped. The page escapes it. */
    private static String quotable(String text) {
        String oneLine = LogText.oneLine(text).strip();
        return oneLine.length() > MAX_REMOTE_TEXT ? oneLine.substring(0, MAX_REMOTE_TEXT) + "…" : oneLine;
    }

    private static GraphCheckReport failed(URI tokenEndpoint, URI graphUrl, Failure failure) {
        return new GraphCheckReport(tokenEndpoint, graphUrl, Optional.empty(),
                Optional.of(new CheckFailure(failure.code, failure.getMessage())), Optional.ofNullable(failure.remote));
    }

    /** Ends the test at the first failing step. */
    private static final class Failure extends Exception {

        private static final long serialVersionUID = 1L;

        private final ErrorCode code;
        private final transient RemoteError remote;

        Failure(ErrorCode code, String detail) {
            this(code, detail, null);
        }

        Failure(ErrorCode code, String detail, RemoteError remote) {
            super(detail, null, false, false);
            this.code = code;
            this.remote = remote;
        }

        /** Should a remote text quote the secret back, it never reaches the report. */
        Failure withoutSecret(Secret secret) {
            String value = secret.reveal();
            if (value.isEmpty()) {
                return this;
            }
            RemoteError cleaned = remote == null ? null : new RemoteError(remote.code().replace(value, "[secret]"),
                    remote.description().replace(value, "[secret]"));
            return new Failure(code, getMessage().replace(value, "[secret]"), cleaned);
        }
    }
}
