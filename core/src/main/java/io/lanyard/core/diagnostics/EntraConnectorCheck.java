package io.lanyard.core.diagnostics;

import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.diagnostics.GraphCheckReport.Organization;
import io.lanyard.core.diagnostics.GraphCheckReport.RemoteError;
import io.lanyard.core.entra.EntraCallException;
import io.lanyard.core.entra.GraphClient;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.http.ProviderHttpClient;
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
 *   <li>The token ({@link GraphClient#token}): with the connector's client secret, resolved as at start
 *       (environment, JVM property, secured store, then {@code connector.xml}; during a rotation the current and the
 *       next one), or with Lanyard's certificate ({@code private_key_jwt}). No secret is {@code LNY-105} (or
 *       {@code LNY-107}) with the names looked for; an OAuth error from Entra ID {@code LNY-711} (a refused
 *       certificate assertion {@code LNY-716}, both secrets of a rotation refused {@code LNY-304}).</li>
 *   <li>{@code GET {graph}/v1.0/organization} with the token as Bearer. A Graph error
 *       ({@code {"error": {"code", "message"}}}, e.g. {@code Authorization_RequestDenied} without
 *       Organization.Read.All) is {@code LNY-712}.</li>
 * </ol>
 * Cannot connect or no answer in time: {@code LNY-710}. An answer that is not what these endpoints send:
 * {@code LNY-713}. Neither the secret nor the token is kept, logged or put into the report. Thread-safe.
 */
public final class EntraConnectorCheck extends IntegrationCheck<EntraConnectorConfig, GraphCheckReport> {

    static final String ORGANIZATION_PATH = "/v1.0/organization";

    private final GraphClient graph;

    public EntraConnectorCheck(ProviderHttpClient http, ClientSecretResolver secrets, GraphClient graph) {
        super(http, secrets);
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    @Override
    public GraphCheckReport test(EntraConnectorConfig connector) {
        URI tokenEndpoint = graph.tokenEndpoint(connector);
        URI graphUrl = graph.graphUrl(connector, ORGANIZATION_PATH);
        try {
            AccessToken token = graph.token(connector);
            Organization organization = organization(graph.get(graphUrl, token), "GET " + graphUrl);
            return new GraphCheckReport(tokenEndpoint, graphUrl, Optional.of(organization), Optional.empty(),
                    Optional.empty());
        } catch (EntraCallException failure) {
            return new GraphCheckReport(tokenEndpoint, graphUrl, Optional.empty(),
                    Optional.of(new CheckFailure(failure.code(), failure.getMessage())), remoteError(failure));
        }
    }

    private static Organization organization(Map<String, Object> body, String where) throws EntraCallException {
        if (!(body.get("value") instanceof List<?> organizations) || organizations.isEmpty()
                || !(organizations.get(0) instanceof Map<?, ?> first)) {
            throw new EntraCallException(ErrorCode.ENTRA_RESPONSE_INVALID, where + " answered without an organization");
        }
        if (!(first.get("id") instanceof String id) || !(first.get("displayName") instanceof String name)) {
            throw new EntraCallException(ErrorCode.ENTRA_RESPONSE_INVALID,
                    where + " answered an organization without id or name");
        }
        return new Organization(GraphClient.quotable(id), GraphClient.quotable(name));
    }

    static Optional<RemoteError> remoteError(EntraCallException failure) {
        return failure.remoteCode().map(code -> new RemoteError(code, failure.remoteDescription().orElse("")));
    }
}
