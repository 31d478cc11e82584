package io.lanyard.sandbox.graph;

import static io.lanyard.sandbox.graph.StandInHttp.respond;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lanyard.core.secret.Secret;
import io.lanyard.sandbox.app.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for Microsoft Entra ID's token endpoint and the parts of Microsoft Graph Lanyard reads, on 127.0.0.1 in
 * the sandbox ({@code --entra-stand-in built-in}): the client-credentials grant of one client, the tenant's
 * organization (what a connector's Test reads), and a user's transitive memberships in pages of
 * {@value #PAGE_SIZE} with {@code @odata.nextLink}, so that an overage token's groups are read as from Graph. Like
 * Graph it answers 401 without its token and 404 for an unknown user. Never a place for real secrets.
 */
public final class GraphStandIn implements AutoCloseable {

    /** The one client the stand-in issues tokens to, as the sandbox's connector names it. */
    public static final String CLIENT_ID = "00000000-0000-4000-8000-00000000cafe";
    static final int PAGE_SIZE = 3;

    private static final Logger LOG = LoggerFactory.getLogger(GraphStandIn.class);
    private static final Pattern MEMBERSHIPS = Pattern.compile("/v1\\.0/users/([^/]+)/transitiveMemberOf");

    private final HttpServer server;
    private final Secret clientSecret;
    private final StandInTenant tenant;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();

    private GraphStandIn(HttpServer server, Secret clientSecret, StandInTenant tenant) {
        this.server = server;
        this.clientSecret = clientSecret;
        this.tenant = tenant;
    }

    /** Listens on a free port of 127.0.0.1. */
    public static GraphStandIn start(Secret clientSecret, StandInTenant tenant) throws IOException {
        GraphStandIn[] standIn = new GraphStandIn[1];
        HttpServer server = StandInHttp.start("graph-stand-in", 2, exchange -> standIn[0].handle(exchange));
        standIn[0] = new GraphStandIn(server, clientSecret, tenant);
        return standIn[0];
    }

    /** {@code http://localhost:<port>}: the token endpoint below it with the tenant, Graph at its root. */
    public URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("POST") && path.equals("/" + StandInTenant.TENANT
                    + "/oauth2/v2.0/token")) {
                StandInHttp.token(exchange, CLIENT_ID, clientSecret, tokens, "stand-in-");
            } else if (!exchange.getRequestMethod().equals("GET")) {
                respond(exchange, 405, graphError("Request_BadRequest", "Only GET is served here."));
            } else if (!StandInHttp.authorized(exchange, tokens)) {
                respond(exchange, 401, graphError("InvalidAuthenticationToken", "Access token is empty or invalid."));
            } else if (path.equals("/v1.0/organization")) {
                respond(exchange, 200, Json.value(Map.of("value", List.of(Map.of(
                        "id", StandInTenant.groupIdOf("organization"), "displayName", "Sandbox stand-in tenant")))));
            } else {
                memberships(exchange, path);
            }
        } catch (RuntimeException e) {
            LOG.warn("The Graph stand-in could not answer {}: {}", exchange.getRequestURI().getPath(), e.toString());
        }
    }

    private void memberships(HttpExchange exchange, String path) throws IOException {
        Matcher matcher = MEMBERSHIPS.matcher(path);
        Optional<List<StandInTenant.Group>> groups = matcher.matches()
                ? tenant.groupsOf(URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8)) : Optional.empty();
        if (groups.isEmpty()) {
            respond(exchange, 404, graphError("Request_ResourceNotFound", "Resource does not exist."));
            return;
        }
        int start = skipToken(exchange.getRequestURI().getRawQuery());
        List<StandInTenant.Group> all = groups.get();
        int end = Math.min(all.size(), start + PAGE_SIZE);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("value", all.subList(Math.min(start, end), end).stream().map(group -> Map.of(
                "@odata.type", "#microsoft.graph.group", "id", group.id(), "displayName", group.displayName()))
                .toList());
        if (end < all.size()) {
            page.put("@odata.nextLink", url() + path + "?$select=id,displayName&$skiptoken=" + end);
        }
        respond(exchange, 200, Json.value(page));
    }

    private static int skipToken(String query) {
        if (query == null) {
            return 0;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("$skiptoken=") || pair.startsWith("%24skiptoken=")) {
                try {
                    return Math.max(0, Integer.parseInt(pair.substring(pair.indexOf('=') + 1)));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private static String graphError(String code, String message) {
        return Json.value(Map.of("error", Map.of("code", code, "message", message)));
    }

    @Override
    public void close() {
        StandInHttp.stop(server);
    }
}
