package io.lanyard.core.dirsync;

import io.lanyard.core.config.DirectorySyncSettings;
import io.lanyard.core.config.DirectorySyncSettings.GroupScope;
import io.lanyard.core.config.DirectorySyncSettings.UserScope;
import io.lanyard.core.config.UserLookup;
import io.lanyard.core.config.UsernameMapping;
import io.lanyard.core.mapping.UsernameMapper;
import io.lanyard.core.provisioning.GroupRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One run's decisions from a connector's {@link DirectorySyncSettings}, no Graph or host call: which groups and users
 * are in the scope, each user's username (the login's transforms: {@link UsernameMapper}), and each user's host
 * groups. Group names compare as the host compares them ({@link GroupRules#key}).
 */
final class SyncScope {

    private final DirectorySyncSettings settings;
    private final UsernameMapper usernames;
    private final Optional<Pattern> groupPattern;
    private final Set<String> chosenGroups;
    private final Set<String> userGroups;
    /** Group ids assigned to the app ({@link GroupScope#APP_ASSIGNED}); empty otherwise. */
    private final Set<String> assignedGroups;
    /** User ids the filter selected ({@link UserScope#FILTER}); null otherwise. */
    private final Set<String> filteredUsers;
    /** The in-scope groups of each user, built by {@link #index}. */
    private final Map<String, List<SyncState.Group>> groupsOfUser = new HashMap<>();
    private final Set<String> usersOfUserGroups = new HashSet<>();
    private final Set<String> managedGroupKeys = new HashSet<>();

    SyncScope(DirectorySyncSettings settings, Set<String> assignedGroups, Set<String> filteredUsers) {
        this.settings = settings;
        this.usernames = new UsernameMapper(new UsernameMapping(settings.usernameAttribute(), List.of(),
                settings.usernamePattern(), settings.usernameLowerCase(), UserLookup.USERNAME));
        this.groupPattern = settings.groupNamePattern().map(Pattern::compile);
        this.chosenGroups = new HashSet<>(settings.groupIds());
        this.userGroups = new HashSet<>(settings.userGroups());
        this.assignedGroups = assignedGroups;
        this.filteredUsers = filteredUsers;
    }

    /** What decides what is read and how it maps: a change of any of it makes the next run a full read. */
    static String fingerprint(DirectorySyncSettings s) {
        return String.join("|", s.users().name(), String.join(",", s.userGroups()), s.userFilter().orElse(""),
                s.groups().name(), String.join(",", s.groupIds()), s.groupNamePattern().orElse(""), s.groupPrefix(),
                s.usernameAttribute(), s.usernamePattern().orElse(""), Boolean.toString(s.usernameLowerCase()),
                s.directory().orElse(""));
    }

    /** The Graph property names a user read selects. */
    String userSelect() {
        String select = "id,displayName,mail,userPrincipalName,onPremisesSamAccountName,accountEnabled";
        return settings.usernameAttribute().startsWith("extension_") ? select + "," + settings.usernameAttribute()
                : select;
    }

    /**
     * Builds the per-user index of in-scope groups from the state's groups; {@code removed} are groups deleted in
     * Entra ID since the last run: the host groups they were synced to stay managed for this run, so that their
     * members leave them.
     */
    void index(SyncState state, List<SyncState.Group> removed) {
        for (SyncState.Group group : removed) {
            if (groupInScope(group)) {
                managedGroupKeys.add(GroupRules.key(hostGroup(group)));
            }
        }
        for (SyncState.Group group : state.groups.values()) {
            if (userGroups.contains(group.id)) {
                usersOfUserGroups.addAll(group.members);
            }
            if (!groupInScope(group)) {
                continue;
            }
            managedGroupKeys.add(GroupRules.key(hostGroup(group)));
            for (String member : group.members) {
                groupsOfUser.computeIfAbsent(member, id -> new ArrayList<>(4)).add(group);
            }
        }
    }

    boolean groupInScope(SyncState.Group group) {
        if (group.displayName == null) {
            return false;
        }
        return switch (settings.groups()) {
            case NONE -> false;
            case CHOSEN -> chosenGroups.contains(group.id);
            case NAME_PATTERN -> groupPattern.map(p -> p.matcher(group.displayName).matches()).orElse(false);
            case APP_ASSIGNED -> assignedGroups.contains(group.id);
        };
    }

    boolean userInScope(SyncState.User user) {
        return switch (settings.users()) {
            case ALL -> true;
            case GROUP_MEMBERS -> usersOfUserGroups.contains(user.id);
            case FILTER -> filteredUsers != null && filteredUsers.contains(user.id);
        };
    }

    /** Whether the user should have an active account: in the scope, enabled, not deleted. */
    boolean wantsActive(SyncState.User user) {
        return !user.deleted && user.accountEnabled && userInScope(user);
    }

    /** @throws io.lanyard.core.error.LanyardException {@code USERNAME_CLAIM_MISSING}/{@code USERNAME_TRANSFORM_NO_MATCH} */
    String username(SyncState.User user) {
        Map<String, Object> attributes = new HashMap<>(4);
        putIfText(attributes, "userPrincipalName", user.userPrincipalName);
        putIfText(attributes, "mail", user.mail);
        putIfText(attributes, "onPremisesSamAccountName", user.onPremisesSamAccountName);
        putIfText(attributes, settings.usernameAttribute(), attributes.containsKey(settings.usernameAttribute())
                ? (String) attributes.get(settings.usernameAttribute()) : user.extension);
        return usernames.username(attributes);
    }

    /** The host groups the user should be in by the synced groups, by {@link GroupRules#key}. */
    Map<String, String> hostGroupsOf(SyncState.User user) {
        List<SyncState.Group> groups = groupsOfUser.get(user.id);
        if (groups == null) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>(groups.size() * 2);
        for (SyncState.Group group : groups) {
            String name = hostGroup(group);
            names.putIfAbsent(GroupRules.key(name), name);
        }
        return names;
    }

    /** Whether the sync adds and removes memberships of this host group: it is a synced group's. */
    boolean manages(String hostGroup) {
        return managedGroupKeys.contains(GroupRules.key(hostGroup));
    }

    String hostGroup(SyncState.Group group) {
        return settings.groupPrefix() + group.displayName;
    }

    DirectorySyncSettings settings() {
        return settings;
    }

    private static void putIfText(Map<String, Object> attributes, String name, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(name, value);
        }
    }
}
