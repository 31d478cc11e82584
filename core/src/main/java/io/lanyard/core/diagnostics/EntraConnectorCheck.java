package io.lanyard.core.diagnostics;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.diagnostics.GraphCheckReport.Organization;
import io.lanyard.core.diagnostics.GraphCheckReport.RemoteError;
import io.lanyard.core.entra.EntraCallException;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.entra.EntraTokenClient;
import io.lanyard.core.entra.GraphRequests;
import io.lanyard.core.error.ErrorCode;
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

    private final EntraEndpoints endpoints;
    private final EntraTokenClient tokens;

    public EntraConnectorCheck(ProviderHttpClient http, ClientSecretResolver secrets, EntraEndpoints endpoints) {
        super(http, secrets);
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.tokens = new EntraTokenClient(http, endpoints);
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
            AccessToken token = requestToken(connector, secret);
            Organization organization = readOrganization(graphUrl, token);
            return new GraphCheckReport(tokenEndpoint, graphUrl, Optional.of(organization), Optional.empty(),
                    Optional.empty());
        } catch (Failure failure) {
            return failed(tokenEndpoint, graphUrl, failure.withoutSecret(secret));
        }
    }

    /** The scope of an app-only token for Graph: its resource identifier with {@code /.default}. */
    static Scope graphScope(EntraConnectorConfig connector) {
        return EntraTokenClient.graphScope(connector);
    }

    private AccessToken requestToken(EntraConnectorConfig connector, Secret secret) throws Failure {
        try {
            return tokens.request(connector, secret).token();
        } catch (EntraCallException e) {
            throw Failure.of(e, e.reason() == EntraCallException.Reason.REFUSED ? ErrorCode.ENTRA_TOKEN_REFUSED
                    : null);
        }
    }

    private Organization readOrganization(URI graphUrl, AccessToken token) throws Failure {
        String where = "GET " + graphUrl;
        Map<String, Object> body;
        try {
            body = GraphRequests.get(http, graphUrl, token);
        } catch (EntraCallException e) {
            boolean graphSaidNo = e.remoteCode().isPresent();
            throw Failure.of(e, graphSaidNo ? ErrorCode.GRAPH_REQUEST_REFUSED : null);
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
        return new Organization(GraphRequests.quotable((String) id), GraphRequests.quotable((String) name));
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

        /**
         * @param refused the code when Entra or Graph said no with its own error; unreachable is {@code LNY-710},
         *                anything else {@code LNY-713}
         */
        static Failure of(EntraCallException e, ErrorCode refused) {
            ErrorCode code = e.reason() == EntraCallException.Reason.UNREACHABLE ? ErrorCode.ENTRA_UNREACHABLE
                    : refused != null ? refused : ErrorCode.ENTRA_RESPONSE_INVALID;
            RemoteError remote = e.remoteCode().isPresent()
                    ? new RemoteError(e.remoteCode().get(), e.remoteDescription().orElse("")) : null;
            return new Failure(code, e.getMessage(), remote);
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
