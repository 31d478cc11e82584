package io.lanyard.sandbox.graph;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Entra ID tenant the sandbox pretends to have: the people the built-in provider signed in with an Entra-style
 * group overage token, each under a stable object id ({@code oid}), with the groups typed on its sign-in page, which
 * the {@link GraphStandIn} serves as their transitive memberships. Object ids are derived from the names, so the same
 * person and group keep theirs across sign-ins and restarts. Thread-safe.
 */
public final class StandInTenant {

    /** The tenant's domain, as a connector names it. */
    public static final String TENANT = "sandbox.onmicrosoft.com";

    /** A group as Graph describes it. */
    public record Group(String id, String displayName) {
    }

    private final Map<String, List<Group>> groupsByObjectId = new ConcurrentHashMap<>();

    /** The object id of the person signed in as {@code username}. */
    public static String objectIdOf(String username) {
        return uuid("user:" + username.toLowerCase(Locale.ROOT));
    }

    /** The object id of the group named {@code name}. */
    public static String groupIdOf(String name) {
        return uuid("group:" + name.toLowerCase(Locale.ROOT));
    }

    /** Remembers the groups of a person; returns its object id. */
    public String signedIn(String username, List<String> groupNames) {
        String objectId = objectIdOf(username);
        groupsByObjectId.put(objectId, groupNames.stream().map(name -> new Group(groupIdOf(name), name)).toList());
        return objectId;
    }

    /** The groups of a person, or empty for an object id no sign-in named. */
    public Optional<List<Group>> groupsOf(String objectId) {
        return Optional.ofNullable(groupsByObjectId.get(objectId.toLowerCase(Locale.ROOT)));
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
