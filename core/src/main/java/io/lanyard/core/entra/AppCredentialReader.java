package io.lanyard.core.entra;

import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.error.ErrorCode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads when an app registration's credentials end, through Microsoft Graph with a connector's token:
 * {@code GET /v1.0/applications(appId='{appId}')?$select=…passwordCredentials,keyCredentials} ("Get application";
 * the least-privileged application permission is {@code Application.Read.All}). The app may be the connector's own
 * or the one an Entra ID identity provider signs in with.
 *
 * <p>Graph's 404 ({@code Request_ResourceNotFound}) is {@code LNY-714}; its 403 ({@code Authorization_RequestDenied},
 * the permission missing or not consented) is {@code LNY-715}; anything else as {@link GraphClient} says.
 */
public final class AppCredentialReader {

    /** Application (client) ids are GUIDs: nothing else reaches the URL. */
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** What is read of an application: nothing but its ids, its name and its credentials. */
    public static final String SELECT = "id,appId,displayName,passwordCredentials,keyCredentials";

    private final GraphClient graph;

    public AppCredentialReader(GraphClient graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /** The Graph URL read for {@code appId}. */
    public URI applicationUrl(EntraConnectorConfig connector, String appId) {
        return graph.graphUrl(connector, "/v1.0/applications(appId='" + appId + "')?$select="
                + URLEncoder.encode(SELECT, StandardCharsets.UTF_8));
    }

    /**
     * @param connector whose tenant and token are used
     * @param appId     the application (client) id of the app registration
     * @throws EntraCallException as above, and {@code LNY-713} for an answer without usable credentials
     */
    public List<AppCredential> read(EntraConnectorConfig connector, String appId) throws EntraCallException {
        if (!GUID.matcher(appId).matches()) {
            throw new EntraCallException(ErrorCode.GRAPH_APPLICATION_NOT_FOUND,
                    "the client id is not an Entra ID application (client) id, a GUID");
        }
        AccessToken token = graph.token(connector);
        URI url = applicationUrl(connector, appId);
        Map<String, Object> application;
        try {
            application = graph.get(url, token);
        } catch (EntraCallException e) {
            throw refined(e, appId);
        }
        List<AppCredential> credentials = new ArrayList<>();
        for (Map<?, ?> secret : objects(application.get("passwordCredentials"))) {
            credential(AppCredential.Kind.CLIENT_SECRET, secret, text(secret.get("hint"))).ifPresent(credentials::add);
        }
        for (Map<?, ?> certificate : objects(application.get("keyCredentials"))) {
            credential(AppCredential.Kind.CERTIFICATE, certificate, thumbprint(certificate.get("customKeyIdentifier")))
                    .ifPresent(credentials::add);
        }
        return credentials;
    }

    private static EntraCallException refined(EntraCallException e, String appId) {
        if (e.code() != ErrorCode.GRAPH_REQUEST_REFUSED) {
            return e;
        }
        if (e.status() == 404) {
            return e.as(ErrorCode.GRAPH_APPLICATION_NOT_FOUND, "Microsoft Graph knows no app registration with "
                    + "application (client) id " + appId + " in this tenant: " + e.getMessage());
        }
        if (e.status() == 403) {
            return e.as(ErrorCode.GRAPH_PERMISSION_MISSING, "Microsoft Graph refused to read app registrations: grant "
                    + "the connector's app the application permission Application.Read.All with admin consent ("
                    + e.getMessage() + ")");
        }
        return e;
    }

    private static Optional<AppCredential> credential(AppCredential.Kind kind, Map<?, ?> entry, Optional<String> id) {
        Object end = entry.get("endDateTime");
        if (!(end instanceof String text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AppCredential(kind, text(entry.get("displayName")).orElse(""), id,
                    Instant.parse(text)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static List<Map<?, ?>> objects(Object list) {
        List<Map<?, ?>> result = new ArrayList<>();
        if (list instanceof List<?> items) {
            items.stream().filter(Map.class::isInstance).map(item -> (Map<?, ?>) item).forEach(result::add);
        }
        return result;
    }

    private static Optional<String> text(Object value) {
        return value instanceof String text && !text.isBlank() ? Optional.of(GraphClient.quotable(text))
                : Optional.empty();
    }

    /** A certificate's {@code customKeyIdentifier} is its SHA-1 thumbprint, base64 in JSON (Graph's Binary). */
    private static Optional<String> thumbprint(Object value) {
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return bytes.length == 20 ? Optional.of(HexFormat.of().withUpperCase().formatHex(bytes)) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
