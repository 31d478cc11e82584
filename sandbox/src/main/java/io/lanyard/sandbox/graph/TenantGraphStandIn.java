package io.lanyard.sandbox.graph;

import static io.lanyard.sandbox.graph.StandInHttp.respond;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lanyard.core.secret.Secret;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for Entra ID's token endpoint and the parts of Microsoft Graph the directory sync reads, serving a
 * {@link GeneratedTenant} on 127.0.0.1: {@code /users/delta} and {@code /groups/delta} (with {@code members@delta},
 * a big group's members spread over several pages as Graph does), their next and delta links, 410 Gone for an expired
 * delta link, {@code /users?$filter=} (the forms {@code department eq '…'} and {@code accountEnabled eq true|false},
 * joined by {@code and}), the groups assigned to the app ({@code appRoleAssignedTo}) and {@code /organization}. Page
 * sizes as Graph's: 100 by default, {@code Prefer: odata.maxpagesize} up to 999. A fixed delay per request (50 ms for
 * the benchmark) and injected 429/503 answers with {@code Retry-After} make it behave like a busy Graph. Shared by the
 * tests, the sandbox ({@code --entra-stand-in generated}) and the benchmark.
 */
public final class TenantGraphStandIn implements AutoCloseable {

    public static final String CLIENT_ID = "00000000-0000-4000-8000-0000000005ac";
    public static final String TENANT = "contoso.onmicrosoft.com";
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 999;

    private static final Logger LOG = LoggerFactory.getLogger(TenantGraphStandIn.class);
    private static final Pattern PREFER = Pattern.compile("odata\\.maxpagesize=(\\d+)");
    private static final Pattern CLAUSE = Pattern.compile("\\s*(department|accountEnabled)\\s+eq\\s+('([^']*)'|true|false)\\s*");

    private final HttpServer server;
    private final GeneratedTenant tenant;
    private final Secret clientSecret;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Deque<int[]> failures = new ArrayDeque<>();
    private final AtomicLong requests = new AtomicLong();
    private volatile Duration latency = Duration.ZERO;

    private TenantGraphStandIn(HttpServer server, GeneratedTenant tenant, Secret clientSecret) {
        this.server = server;
        this.tenant = tenant;
        this.clientSecret = clientSecret;
    }

    /** Listens on a free port of 127.0.0.1. */
    public static TenantGraphStandIn start(GeneratedTenant tenant, Secret clientSecret) throws IOException {
        TenantGraphStandIn[] standIn = new TenantGraphStandIn[1];
        HttpServer server = StandInHttp.start("tenant-graph-stand-in", 4, exchange -> standIn[0].handle(exchange));
        standIn[0] = new TenantGraphStandIn(server, tenant, clientSecret);
        return standIn[0];
    }

    /** {@code http://localhost:<port>}: the token endpoint below it with the tenant, Graph at its root. */
    public URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    public GeneratedTenant tenant() {
        return tenant;
    }

    /** A delay before every answer, like Graph's round trip. */
    public TenantGraphStandIn latency(Duration value) {
        this.latency = value;
        return this;
    }

    /**
     * The next {@code count} Graph requests are answered {@code status} (429, 503; or 403 as Graph refuses a missing
     * permission) with this {@code Retry-After}.
     */
    public synchronized void failNext(int status, int count, int retryAfterSeconds) {
        for (int i = 0; i < count; i++) {
            failures.add(new int[] {status, retryAfterSeconds});
        }
    }

    /** Forgets the failures not used up yet. */
    public synchronized void clearFailures() {
        failures.clear();
    }

    /** Graph requests served (tokens not counted). */
    public long requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis());
            }
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("POST") && path.endsWith("/oauth2/v2.0/token")) {
                StandInHttp.token(exchange, CLIENT_ID, clientSecret, tokens, "tenant-");
                return;
            }
            if (!StandInHttp.authorized(exchange, tokens)) {
                respond(exchange, 401, error("InvalidAuthenticationToken", "Access token is empty or invalid."));
                return;
            }
            requests.incrementAndGet();
            int[] failure = nextFailure();
            if (failure != null) {
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(failure[1]));
                respond(exchange, failure[0], error(failure[0] == 429 ? "TooManyRequests" : failure[0] == 503 ? "ServiceUnavailable"
                        : failure[0] == 403 ? "Authorization_RequestDenied" : "BadRequest",
                        "The stand-in was told to refuse this request."));
                return;
            }
            route(exchange, path, StandInHttp.parameters(exchange.getRequestURI().getRawQuery()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("The tenant Graph stand-in could not answer {}: {}", exchange.getRequestURI(), e.toString());
            respond(exchange, 500, error("InternalServerError", e.toString()));
        }
    }

    private void route(HttpExchange exchange, String path, Map<String, String> query) throws IOException {
        int pageSize = pageSize(exchange);
        switch (path) {
            case "/v1.0/users/delta" -> delta(exchange, query, pageSize, true);
            case "/v1.0/groups/delta" -> delta(exchange, query, pageSize, false);
            case "/v1.0/users" -> filtered(exchange, query, pageSize);
            case "/v1.0/organization" -> respond(exchange, 200,
                    "{\"value\":[{\"id\":\"" + TENANT + "\",\"displayName\":\"Generated tenant\"}]}");
            default -> {
                if (path.startsWith("/v1.0/servicePrincipals(appId=") && path.endsWith("/appRoleAssignedTo")) {
                    assigned(exchange);
                } else {
                    respond(exchange, 404, error("Request_ResourceNotFound", "Resource does not exist."));
                }
            }
        }
    }

    /** A delta query: from the start, from a {@code $deltatoken}, or a further page ({@code $skiptoken}). */
    private void delta(HttpExchange exchange, Map<String, String> query, int pageSize, boolean users)
            throws IOException {
        long since;
        long upTo;
        int offset;
        int memberOffset = 0;
        String kind = users ? "users" : "groups";
        if (query.containsKey("$skiptoken")) {
            String[] parts = query.get("$skiptoken").split("\\.");
            since = Long.parseLong(parts[0]);
            upTo = Long.parseLong(parts[1]);
            offset = Integer.parseInt(parts[2]);
            memberOffset = parts.length > 3 ? Integer.parseInt(parts[3]) : 0;
        } else if (query.containsKey("$deltatoken")) {
            since = Long.parseLong(query.get("$deltatoken"));
            upTo = tenant.version();
            offset = 0;
        } else {
            since = -1;
            upTo = tenant.version();
            offset = 0;
        }
        if (since >= 0 && tenant.expired(since)) {
            respond(exchange, 410, error("syncStateNotFound", "The sync state of this delta token was not found."));
            return;
        }
        StringBuilder page = new StringBuilder(64 * 1024).append("{\"value\":[");
        int[] next = users ? userPage(page, since, upTo, offset, pageSize)
                : groupPage(page, since, upTo, offset, memberOffset, pageSize);
        page.append("],");
        String base = url() + "/v1.0/" + kind + "/delta?";
        if (next != null) {
            page.append("\"@odata.nextLink\":\"").append(base).append("$skiptoken=").append(since).append('.')
                    .append(upTo).append('.').append(next[0]).append('.').append(next[1]).append("\"}");
        } else {
            page.append("\"@odata.deltaLink\":\"").append(base).append("$deltatoken=").append(upTo).append("\"}");
        }
        respond(exchange, 200, page.toString());
    }

    /** @return where the next page starts, or null at the end */
    private int[] userPage(StringBuilder page, long since, long upTo, int offset, int pageSize) {
        GeneratedTenant.User[] all = tenant.usersSnapshot();
        int written = 0;
        int i = offset;
        synchronized (tenant) {
            for (; i < all.length && written < pageSize; i++) {
                GeneratedTenant.User user = all[i];
                boolean include = since < 0 ? !user.deleted : user.version > since && user.version <= upTo;
                if (include) {
                    comma(page, written++);
                    writeUser(page, user, since >= 0 && user.deleted);
                }
            }
        }
        return i < all.length ? new int[] {i, 0} : null;
    }

    /** Groups with their members; a group with more members than fit goes on over the next pages. */
    private int[] groupPage(StringBuilder page, long since, long upTo, int offset, int memberOffset, int pageSize) {
        GeneratedTenant.Group[] all = tenant.groupsSnapshot();
        int budget = pageSize;
        int written = 0;
        int g = offset;
        int from = memberOffset;
        synchronized (tenant) {
            for (; g < all.length && budget > 0; g++, from = 0) {
                GeneratedTenant.Group group = all[g];
                if (!tenant.groupChangedSince(group, since, upTo)) {
                    continue;
                }
                if (group.deleted) {
                    comma(page, written++);
                    page.append("{\"id\":\"").append(group.id).append("\",\"@removed\":{\"reason\":\"deleted\"}}");
                    budget--;
                    continue;
                }
                List<String[]> members = tenant.memberDelta(group, since, upTo);
                int to = Math.min(members.size(), from + Math.max(1, budget - 1));
                comma(page, written++);
                page.append("{\"id\":\"").append(group.id).append("\",\"displayName\":");
                string(page, group.displayName);
                page.append(",\"members@delta\":[");
                for (int m = from; m < to; m++) {
                    if (m > from) {
                        page.append(',');
                    }
                    page.append("{\"@odata.type\":\"#microsoft.graph.user\",\"id\":\"").append(members.get(m)[0])
                            .append('"');
                    if (members.get(m)[1].equals("remove")) {
                        page.append(",\"@removed\":{\"reason\":\"deleted\"}");
                    }
                    page.append('}');
                }
                page.append("]}");
                budget -= 1 + (to - from);
                if (to < members.size()) {
                    return new int[] {g, to};
                }
            }
        }
        return g < all.length ? new int[] {g, 0} : null;
    }

    private void filtered(HttpExchange exchange, Map<String, String> query, int pageSize) throws IOException {
        String filter = query.get("$filter");
        if (filter == null) {
            respond(exchange, 400, error("Request_UnsupportedQuery", "The stand-in serves /users with $filter only."));
            return;
        }
        String department = null;
        Boolean enabled = null;
        for (String clause : filter.split("(?i)\\sand\\s")) {
            Matcher m = CLAUSE.matcher(clause);
            if (!m.matches()) {
                respond(exchange, 400, error("Request_UnsupportedQuery", "Unsupported filter clause: " + clause));
                return;
            }
            if (m.group(1).equals("department")) {
                department = m.group(3);
            } else {
                enabled = Boolean.valueOf(m.group(2));
            }
        }
        int offset = query.containsKey("$skiptoken") ? Integer.parseInt(query.get("$skiptoken")) : 0;
        GeneratedTenant.User[] all = tenant.usersSnapshot();
        StringBuilder page = new StringBuilder(64 * 1024).append("{\"value\":[");
        int written = 0;
        int i = offset;
        synchronized (tenant) {
            for (; i < all.length && written < pageSize; i++) {
                GeneratedTenant.User user = all[i];
                if (!user.deleted && (department == null || department.equals(tenant.departmentOf(user)))
                        && (enabled == null || enabled == user.accountEnabled)) {
                    comma(page, written++);
                    writeUser(page, user, false);
                }
            }
        }
        page.append(']');
        if (i < all.length) {
            page.append(",\"@odata.nextLink\":\"").append(url()).append("/v1.0/users?$filter=")
                    .append(java.net.URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"))
                    .append("&$skiptoken=").append(i).append('"');
        }
        respond(exchange, 200, page.append('}').toString());
    }

    private void assigned(HttpExchange exchange) throws IOException {
        StringBuilder page = new StringBuilder("{\"value\":[");
        List<String> ids = tenant.assignedToApp();
        for (int i = 0; i < ids.size(); i++) {
            comma(page, i);
            page.append("{\"principalType\":\"Group\",\"principalId\":\"").append(ids.get(i)).append("\"}");
        }
        respond(exchange, 200, page.append("]}").toString());
    }

    private static void writeUser(StringBuilder page, GeneratedTenant.User user, boolean removed) {
        page.append("{\"id\":\"").append(user.id).append('"');
        if (removed) {
            page.append(",\"@removed\":{\"reason\":\"changed\"}}");
            return;
        }
        page.append(",\"displayName\":");
        string(page, user.displayName);
        page.append(",\"mail\":");
        string(page, user.mail);
        page.append(",\"userPrincipalName\":");
        string(page, user.userPrincipalName);
        page.append(",\"onPremisesSamAccountName\":null,\"accountEnabled\":").append(user.accountEnabled).append('}');
    }

    private static void comma(StringBuilder page, int written) {
        if (written > 0) {
            page.append(',');
        }
    }

    private static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private synchronized int[] nextFailure() {
        return failures.poll();
    }

    private static int pageSize(HttpExchange exchange) {
        String prefer = exchange.getRequestHeaders().getFirst("Prefer");
        if (prefer != null) {
            Matcher m = PREFER.matcher(prefer);
            if (m.find()) {
                return Math.max(1, Math.min(MAX_PAGE, Integer.parseInt(m.group(1))));
            }
        }
        return DEFAULT_PAGE;
    }

    private static String error(String code, String message) {
        StringBuilder json = new StringBuilder("{\"error\":{\"code\":\"").append(code).append("\",\"message\":");
        string(json, message);
        return json.append("}}").toString();
    }

    @Override
    public void close() {
        StandInHttp.stop(server);
    }
}
