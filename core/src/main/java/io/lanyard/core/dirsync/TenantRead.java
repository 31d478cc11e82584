package io.lanyard.core.dirsync;

import io.lanyard.core.config.DirectorySyncSettings;
import io.lanyard.core.config.DirectorySyncSettings.GroupScope;
import io.lanyard.core.config.DirectorySyncSettings.UserScope;
import io.lanyard.core.config.EntraConnectorConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read phase of a run: the tenant's groups and users from Graph into a {@link SyncState}, before anything is
 * written to the host. A delta read continues from the saved delta links ({@code /groups/delta}, {@code /users/delta},
 * Graph's "Use delta query to track changes in Microsoft Graph data") and merges the changes into the saved state,
 * noting which users they touch; a full read starts the delta queries afresh into a new state and carries over what
 * the sync did to each account. A {@code $filter} on users cannot be a delta query (Graph's delta takes no such
 * filter), so that scope reads the filtered list whole each run. Only direct user members count.
 */
final class TenantRead {

    private static final String USER_TYPE = "#microsoft.graph.user";

    /**
     * What was read.
     *
     * @param state          the tenant as it is now, with the sync's memory of each account
     * @param full           whether every user is to be planned (full read, or a scope that needs it)
     * @param changedUsers   the users a delta touched (every user for a full plan)
     * @param assignedGroups the groups assigned to the app ({@link GroupScope#APP_ASSIGNED})
     * @param filteredUsers  the users the filter selected ({@link UserScope#FILTER}), or null
     */
    record Result(SyncState state, boolean full, Set<String> changedUsers, Set<String> assignedGroups,
            Set<String> filteredUsers, List<SyncState.Group> removedGroups) {
    }

    private final GraphReader graph;
    private final EntraConnectorConfig connector;
    private final DirectorySyncSettings settings;
    private final SyncProgress progress;
    private final Map<String, String> ids = SyncState.newInterner();
    /** Groups a delta said are deleted: their members leave the host group they were synced to. */
    private final List<SyncState.Group> removedGroups = new java.util.ArrayList<>();

    TenantRead(GraphReader graph, EntraConnectorConfig connector, SyncProgress progress) {
        this.graph = graph;
        this.connector = connector;
        this.settings = connector.sync();
        this.progress = progress;
    }

    /**
     * @param saved the saved state; changed in place by a delta read
     * @throws GraphReader.DeltaExpiredException when a saved delta link expired: read the saved state again and call
     *         {@link #full}
     */
    Result delta(SyncState saved) throws GraphReader.DeltaExpiredException {
        Set<String> changed = new HashSet<>(saved.retry);
        if (settings.readsGroups()) {
            progress.phase(SyncProgress.Phase.READING_GROUPS);
            saved.groupsDeltaLink = readGroups(saved, saved.groupsDeltaLink, changed);
        }
        progress.phase(SyncProgress.Phase.READING_USERS);
        Set<String> filtered = null;
        if (settings.users() == UserScope.FILTER) {
            filtered = readFiltered(saved);
        } else {
            saved.usersDeltaLink = readUsers(saved, saved.usersDeltaLink, changed);
        }
        for (SyncState.User user : saved.users.values()) {
            if (user.goneSince != 0 && !user.deactivatedBySync) {
                changed.add(user.id); // waiting out its grace period
            }
        }
        Set<String> assigned = readAssignedGroups();
        boolean everyone = settings.users() == UserScope.FILTER || settings.groups() == GroupScope.APP_ASSIGNED;
        return new Result(saved, everyone, everyone ? new HashSet<>(saved.users.keySet()) : changed, assigned,
                filtered, removedGroups);
    }

    /** Reads everything into a new state that keeps {@code saved}'s memory of the accounts. */
    Result full(SyncState saved) {
        SyncState next = new SyncState();
        try {
            if (settings.readsGroups()) {
                progress.phase(SyncProgress.Phase.READING_GROUPS);
                next.groupsDeltaLink = readGroups(next, null, null);
            }
            progress.phase(SyncProgress.Phase.READING_USERS);
            Set<String> filtered = null;
            if (settings.users() == UserScope.FILTER) {
                filtered = readFiltered(next);
            } else {
                next.usersDeltaLink = readUsers(next, null, null);
            }
            carryOver(saved, next);
            return new Result(next, true, new HashSet<>(next.users.keySet()), readAssignedGroups(), filtered,
                    List.of());
        } catch (GraphReader.DeltaExpiredException e) {
            // A fresh delta query has no link to expire: Graph answered 410 to something else.
            throw new io.lanyard.core.error.LanyardException(io.lanyard.core.error.ErrorCode.DIRSYNC_GRAPH_ANSWER_INVALID,
                    "Graph answered 410 Gone to a new delta query: " + e.getMessage());
        }
    }

    /** The sync's memory of each account; users gone from the read stay as deleted, to be deactivated. */
    private static void carryOver(SyncState saved, SyncState next) {
        for (SyncState.User earlier : saved.users.values()) {
            SyncState.User now = next.users.get(earlier.id);
            if (now != null) {
                now.keepAccountOf(earlier);
            } else if (earlier.username != null) {
                SyncState.User gone = next.user(earlier.id);
                copyAttributes(earlier, gone);
                gone.keepAccountOf(earlier);
                gone.deleted = true;
            }
        }
        next.retry.addAll(saved.retry);
    }

    private static void copyAttributes(SyncState.User from, SyncState.User to) {
        to.displayName = from.displayName;
        to.mail = from.mail;
        to.userPrincipalName = from.userPrincipalName;
        to.onPremisesSamAccountName = from.onPremisesSamAccountName;
        to.extension = from.extension;
        to.accountEnabled = from.accountEnabled;
    }

    private String readUsers(SyncState state, String deltaLink, Set<String> changed)
            throws GraphReader.DeltaExpiredException {
        java.net.URI first = deltaLink != null ? java.net.URI.create(deltaLink)
                : graph.url("/v1.0/users/delta?$select=" + scopeSelect());
        return graph.readAll(first, Map.of(), values -> {
            for (Object value : values) {
                if (value instanceof Map<?, ?> entry && entry.get("id") instanceof String id) {
                    mergeUser(state.user(SyncState.intern(ids, id)), entry);
                    if (changed != null) {
                        changed.add(id);
                    }
                }
            }
            progress.usersRead(values.size());
        });
    }

    /** The users a {@code $filter} selects, read whole ({@code ConsistencyLevel: eventual} for advanced queries). */
    private Set<String> readFiltered(SyncState state) throws GraphReader.DeltaExpiredException {
        Set<String> selected = new HashSet<>();
        graph.readAll(graph.url("/v1.0/users?$filter=" + encode(settings.userFilter().orElseThrow()) + "&$select="
                + scopeSelect() + "&$count=true&$top=999"), Map.of("ConsistencyLevel", "eventual"), values -> {
                    for (Object value : values) {
                        if (value instanceof Map<?, ?> entry && entry.get("id") instanceof String id) {
                            SyncState.User user = state.user(SyncState.intern(ids, id));
                            mergeUser(user, entry);
                            selected.add(user.id);
                        }
                    }
                    progress.usersRead(values.size());
                });
        state.usersDeltaLink = "filter";
        return selected;
    }

    private String readGroups(SyncState state, String deltaLink, Set<String> changed)
            throws GraphReader.DeltaExpiredException {
        java.net.URI first = deltaLink != null ? java.net.URI.create(deltaLink)
                : graph.url("/v1.0/groups/delta?$select=id,displayName,members");
        return graph.readAll(first, Map.of(), values -> {
            for (Object value : values) {
                if (value instanceof Map<?, ?> entry && entry.get("id") instanceof String id) {
                    mergeGroup(state, id, entry, changed);
                }
            }
            progress.groupsRead(values.size());
        });
    }

    private void mergeGroup(SyncState state, String id, Map<?, ?> entry, Set<String> changed) {
        if (entry.containsKey("@removed")) {
            SyncState.Group removed = state.groups.remove(id);
            if (removed != null && changed != null) {
                changed.addAll(removed.members);
                removedGroups.add(removed);
            }
            return;
        }
        SyncState.Group group = state.group(id);
        if (entry.get("displayName") instanceof String name && !name.equals(group.displayName)) {
            group.displayName = name;
            if (changed != null) {
                changed.addAll(group.members);
            }
        }
        if (entry.get("members@delta") instanceof List<?> members) {
            for (Object member : members) {
                if (!(member instanceof Map<?, ?> m) || !(m.get("id") instanceof String memberId)) {
                    continue;
                }
                if (m.containsKey("@removed")) {
                    group.members.remove(memberId);
                } else if (USER_TYPE.equals(m.get("@odata.type"))) {
                    group.members.add(SyncState.intern(ids, memberId));
                } else {
                    continue;
                }
                if (changed != null) {
                    changed.add(memberId);
                }
            }
        }
    }

    private void mergeUser(SyncState.User user, Map<?, ?> entry) {
        if (entry.containsKey("@removed")) {
            user.deleted = true;
            return;
        }
        user.deleted = false;
        if (entry.containsKey("displayName")) {
            user.displayName = text(entry.get("displayName"));
        }
        if (entry.containsKey("mail")) {
            user.mail = text(entry.get("mail"));
        }
        if (entry.containsKey("userPrincipalName")) {
            user.userPrincipalName = text(entry.get("userPrincipalName"));
        }
        if (entry.containsKey("onPremisesSamAccountName")) {
            user.onPremisesSamAccountName = text(entry.get("onPremisesSamAccountName"));
        }
        if (entry.get("accountEnabled") instanceof Boolean enabled) {
            user.accountEnabled = enabled;
        }
        if (entry.containsKey(settings.usernameAttribute()) && settings.usernameAttribute().startsWith("extension_")) {
            user.extension = text(entry.get(settings.usernameAttribute()));
        }
    }

    /** {@code /servicePrincipals(appId='…')/appRoleAssignedTo}: the groups assigned to the connector's app. */
    private Set<String> readAssignedGroups() {
        Set<String> assigned = new HashSet<>();
        if (settings.groups() != GroupScope.APP_ASSIGNED) {
            return assigned;
        }
        progress.phase(SyncProgress.Phase.READING_GROUPS);
        try {
            graph.readAll(graph.url("/v1.0/servicePrincipals(appId='" + connector.clientId()
                    + "')/appRoleAssignedTo?$select=principalId,principalType&$top=999"), Map.of(), values -> {
                        for (Object value : values) {
                            if (value instanceof Map<?, ?> entry && "Group".equals(entry.get("principalType"))
                                    && entry.get("principalId") instanceof String id) {
                                assigned.add(id);
                            }
                        }
                    });
        } catch (GraphReader.DeltaExpiredException e) {
            throw new io.lanyard.core.error.LanyardException(io.lanyard.core.error.ErrorCode.DIRSYNC_GRAPH_ANSWER_INVALID,
                    "Graph answered 410 Gone to the app's assignments: " + e.getMessage());
        }
        return assigned;
    }

    private String scopeSelect() {
        return new SyncScope(settings, Set.of(), null).userSelect();
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
