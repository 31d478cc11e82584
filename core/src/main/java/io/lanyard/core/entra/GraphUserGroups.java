package io.lanyard.core.entra;

import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.entra.GraphCallException.Reason;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.secret.Secret;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A user's groups in Microsoft Entra ID, direct and transitive, read from Microsoft Graph with a connector's app-only
 * token: {@code GET {graph}/v1.0/users/{oid}/transitiveMemberOf?$select=id,displayName&$top=999} ("List a user's
 * memberships (direct and transitive)"), following {@code @odata.nextLink} only while it stays on the connector's
 * Graph, and keeping the entries whose {@code @odata.type} is {@code #microsoft.graph.group} (directory roles and
 * administrative units are memberships too). With {@code User.Read.All} alone Graph gives a group's id but no name;
 * {@code GroupMember.Read.All} adds the names.
 *
 * <p>Bounded: each request by the HTTP client's limits, the whole read by a deadline, the number of groups by a
 * limit. A 429 is waited out once per page when its {@code Retry-After} fits the deadline and {@link #MAX_RETRY_AFTER},
 * otherwise it ends the read ({@code THROTTLED}). App-only tokens are reused until shortly before they expire.
 * Thread-safe.
 */
public final class GraphUserGroups {

    /** The longest {@code Retry-After} a login waits for. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(5);
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(60);
    private static final String GROUP_TYPE = "#microsoft.graph.group";

    private final ProviderHttpClient http;
    private final EntraEndpoints endpoints;
    private final EntraTokenClient tokens;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, HeldToken> heldTokens = new ConcurrentHashMap<>();

    /** Waits out a {@code Retry-After}; a seam so that tests need not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** A group of the user: its object id and display name ({@code id} again when Graph gives no name). */
    public record Group(String id, String displayName) {
    }

    /** A token, and what it was issued for: a changed secret, client or tenant gets a new one. */
    private record HeldToken(Secret secret, String clientId, String tenantId, AccessToken token, Instant renewAt) {
    }

    public GraphUserGroups(ProviderHttpClient http, EntraEndpoints endpoints, Clock clock) {
        this(http, endpoints, clock, duration -> Thread.sleep(duration.toMillis()));
    }

    public GraphUserGroups(ProviderHttpClient http, EntraEndpoints endpoints, Clock clock, Sleeper sleeper) {
        this.http = Objects.requireNonNull(http, "http");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.tokens = new EntraTokenClient(http, endpoints);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * @param objectId  the user's {@code oid}
     * @param limit     more groups than this end the read ({@code TOO_LARGE})
     * @param deadline  when the read must be done ({@code UNREACHABLE} after it)
     * @throws GraphCallException why the groups could not be read
     */
    public List<Group> transitiveGroups(EntraConnectorConfig connector, Secret secret, String objectId, int limit,
            Instant deadline) throws GraphCallException {
        if (!OBJECT_ID.matcher(objectId).matches()) {
            throw new GraphCallException(Reason.NOT_FOUND, "the token's oid is not an object id");
        }
        String graph = EntraEndpoints.withoutTrailingSlash(endpoints.graphBaseUrl(connector));
        URI next = URI.create(graph + "/v1.0/users/" + URLEncoder.encode(objectId, StandardCharsets.UTF_8)
                + "/transitiveMemberOf?$select=id,displayName&$top=999");
        List<Group> groups = new ArrayList<>();
        while (next != null) {
            Map<String, Object> page = pageWithin(connector, secret, next, deadline);
            collect(page, groups, next);
            if (groups.size() > limit) {
                throw new GraphCallException(Reason.TOO_LARGE, "Graph lists more than " + limit + " groups");
            }
            next = nextLink(page, graph);
        }
        return List.copyOf(groups);
    }

    private Map<String, Object> pageWithin(EntraConnectorConfig connector, Secret secret, URI url, Instant deadline)
            throws GraphCallException {
        for (int attempt = 0; ; attempt++) {
            requireBefore(deadline, url);
            try {
                return GraphRequests.get(http, url, token(connector, secret));
            } catch (GraphCallException e) {
                if (e.reason() == Reason.REFUSED && e.remoteCode().filter(code -> code.contains("Token")).isPresent()) {
                    heldTokens.remove(connector.id()); // an expired or revoked token: the next read gets a new one
                }
                Duration wait = Duration.ofSeconds(e.retryAfterSeconds());
                boolean waitable = e.reason() == Reason.THROTTLED && attempt == 0 && e.retryAfterSeconds() >= 0
                        && wait.compareTo(MAX_RETRY_AFTER) <= 0 && clock.instant().plus(wait).isBefore(deadline);
                if (!waitable) {
                    throw e;
                }
                sleep(wait);
            }
        }
    }

    private AccessToken token(EntraConnectorConfig connector, Secret secret) throws GraphCallException {
        HeldToken held = heldTokens.get(connector.id());
        Instant now = clock.instant();
        if (held != null && held.secret.equals(secret) && held.clientId.equals(connector.clientId())
                && held.tenantId.equals(connector.tenantId()) && now.isBefore(held.renewAt)) {
            return held.token;
        }
        EntraTokenClient.AppToken fresh = tokens.request(connector, secret);
        Duration lifetime = Duration.ofSeconds(fresh.lifetimeSeconds());
        Instant renewAt = lifetime.compareTo(TOKEN_MARGIN) > 0 ? now.plus(lifetime).minus(TOKEN_MARGIN) : now;
        heldTokens.put(connector.id(), new HeldToken(secret, connector.clientId(), connector.tenantId(), fresh.token(),
                renewAt));
        return fresh.token();
    }

    private static void collect(Map<String, Object> page, List<Group> groups, URI url) throws GraphCallException {
        if (!(page.get("value") instanceof List<?> values)) {
            throw new GraphCallException(Reason.INVALID, "GET " + ProviderHttpClient.withoutQuery(url)
                    + " answered without a value list");
        }
        for (Object value : values) {
            if (value instanceof Map<?, ?> entry && GROUP_TYPE.equals(entry.get("@odata.type"))
                    && entry.get("id") instanceof String id && !id.isBlank()) {
                Object name = entry.get("displayName");
                groups.add(new Group(id, name instanceof String text && !text.isBlank() ? text : id));
            }
        }
    }

    /** Paging stays on the connector's Graph: a next link elsewhere is not followed. */
    private static URI nextLink(Map<String, Object> page, String graph) throws GraphCallException {
        Object link = page.get("@odata.nextLink");
        if (link == null) {
            return null;
        }
        if (!(link instanceof String text) || !text.startsWith(graph + "/")) {
            throw new GraphCallException(Reason.INVALID, "Graph's next page is not on " + graph);
        }
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new GraphCallException(Reason.INVALID, "Graph's next page link is not a URL");
        }
    }

    private void requireBefore(Instant deadline, URI url) throws GraphCallException {
        if (!clock.instant().isBefore(deadline)) {
            throw new GraphCallException(Reason.UNREACHABLE, "reading the groups from "
                    + ProviderHttpClient.withoutQuery(url) + " did not finish in time");
        }
    }

    private void sleep(Duration wait) throws GraphCallException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphCallException(Reason.UNREACHABLE, "interrupted while waiting out Graph's Retry-After");
        }
    }
}
