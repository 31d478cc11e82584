package io.lanyard.core.provisioning;

import io.lanyard.core.cache.ExpiringCache;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.GroupSyncSettings;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.entra.GraphCallException;
import io.lanyard.core.entra.GraphUserGroups;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.secret.ResolvedSecret;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The groups of a person whose token said they did not fit into it (Microsoft Entra ID's group overage), read from
 * Microsoft Graph with the Entra ID connector the provider names ({@link GroupSyncSettings#overageConnector()}), never
 * through the endpoint the token points to. Each group comes with its object id (what a token's {@code groups} holds)
 * and its display name, so a mapping table may use either. Answers are kept for the provider's cache time in a
 * bounded cache. Every failure ends the login with its code, before anything of the person is changed.
 */
public final class OverageGroups {

    /** How long reading one person's groups may take in all, pages and a waited-out 429 included. */
    public static final Duration DEADLINE = Duration.ofSeconds(20);
    static final int MAX_CACHED_PEOPLE = 10_000;

    private final Supplier<LanyardConfiguration> configuration;
    private final ClientSecretResolver secrets;
    private final GraphUserGroups graph;
    private final Clock clock;
    private final ExpiringCache<String, List<ProviderGroup>> cache;

    public OverageGroups(Supplier<LanyardConfiguration> configuration, ClientSecretResolver secrets,
            GraphUserGroups graph, Clock clock) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.graph = Objects.requireNonNull(graph, "graph");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = new ExpiringCache<>(clock, MAX_CACHED_PEOPLE);
    }

    /**
     * @param providerId for messages
     * @param objectId   the token's {@code oid}
     * @throws LoginFailedException {@code OVERAGE_CONNECTOR_UNAVAILABLE}, {@code OVERAGE_USER_UNKNOWN}, or the
     *         Graph failure's code ({@code LNY-720}–{@code LNY-726})
     */
    public List<ProviderGroup> groupsOf(GroupSyncSettings settings, String providerId, Optional<String> objectId) {
        EntraConnectorConfig connector = connector(settings, providerId);
        String oid = objectId.orElseThrow(() -> new LoginFailedException(ErrorCode.OVERAGE_USER_UNKNOWN,
                "the token of identity provider " + providerId + " says its groups did not fit but has no oid"));
        String key = connector.id() + "/" + oid;
        Optional<List<ProviderGroup>> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        ResolvedSecret secret = secrets.resolve(SecretOwner.connector(connector.id()), connector.clientSecret());
        if (secret.secret().isEmpty()) {
            throw new LoginFailedException(ErrorCode.OVERAGE_CONNECTOR_UNAVAILABLE, "Entra ID connector "
                    + connector.id() + " has no client secret: " + secret.problem().map(Object::toString).orElse(""));
        }
        List<ProviderGroup> groups;
        try {
            groups = graph.transitiveGroups(connector, secret.secret().get(), oid, ClaimedGroups.MAX_GROUPS,
                    clock.instant().plus(DEADLINE)).stream()
                    .map(group -> new ProviderGroup(group.id(), group.displayName())).toList();
        } catch (GraphCallException e) {
            throw failure(e, connector, oid);
        }
        cache.put(key, groups, settings.overageCacheTime());
        return groups;
    }

    private EntraConnectorConfig connector(GroupSyncSettings settings, String providerId) {
        String id = settings.overageConnector().orElseThrow(() -> new LoginFailedException(
                ErrorCode.OVERAGE_CONNECTOR_UNAVAILABLE, "the token of identity provider " + providerId
                        + " says its groups did not fit, and the provider names no Entra ID connector to read them"));
        EntraConnectorConfig connector = configuration.get().entraConnector(id).orElseThrow(() ->
                new LoginFailedException(ErrorCode.OVERAGE_CONNECTOR_UNAVAILABLE, "identity provider " + providerId
                        + " reads group overage with Entra ID connector " + id + ", which does not exist"));
        if (!connector.enabled()) {
            throw new LoginFailedException(ErrorCode.OVERAGE_CONNECTOR_UNAVAILABLE, "Entra ID connector " + id
                    + " is disabled");
        }
        return connector;
    }

    private static LoginFailedException failure(GraphCallException e, EntraConnectorConfig connector, String oid) {
        ErrorCode code = switch (e.reason()) {
            case UNREACHABLE -> ErrorCode.OVERAGE_GRAPH_UNREACHABLE;
            case THROTTLED, BUSY -> ErrorCode.OVERAGE_GRAPH_THROTTLED;
            case REFUSED -> ErrorCode.OVERAGE_GRAPH_REFUSED;
            case NOT_FOUND -> ErrorCode.OVERAGE_USER_UNKNOWN;
            case TOO_LARGE -> ErrorCode.OVERAGE_TOO_MANY_GROUPS;
            case INVALID, GONE -> ErrorCode.OVERAGE_GRAPH_ANSWER_INVALID;
        };
        String remote = e.remoteCode().map(c -> " (" + c + e.remoteDescription().map(d -> ": " + d).orElse("") + ")")
                .orElse("");
        String wait = e.retryAfterSeconds() >= 0 ? " (Retry-After " + e.retryAfterSeconds() + " s)" : "";
        return new LoginFailedException(code, "the groups of " + oid + " could not be read with Entra ID connector "
                + connector.id() + ": " + e.getMessage() + remote + wait);
    }
}
