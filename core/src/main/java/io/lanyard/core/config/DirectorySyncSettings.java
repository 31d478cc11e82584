package io.lanyard.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an Entra ID connector's scheduled directory sync does (issue 20): which users and groups of the tenant it
 * brings into which host directory, how a username is made, and what happens to people who leave the scope. Held by
 * {@link EntraConnectorConfig#sync()}; built by {@link DirectorySyncSettingsBuilder}. Off by default, so connectors
 * written before it existed keep doing only what they did.
 *
 * @param enabled            whether the schedule runs ("Sync now" and "Preview" work either way)
 * @param interval           time between the starts of two scheduled runs
 * @param users              which users: all, the members of {@link #userGroups}, or those a Graph {@code $filter}
 *                           selects
 * @param userGroups         object ids of the groups whose direct members are synced ({@link UserScope#GROUP_MEMBERS})
 * @param userFilter         a Graph {@code $filter} on users ({@link UserScope#FILTER}), e.g.
 *                           {@code accountEnabled eq true and department eq 'Sales'}
 * @param groups             which groups become host groups (with their direct user members)
 * @param groupIds           object ids of the chosen groups ({@link GroupScope#CHOSEN})
 * @param groupNamePattern   a regular expression the whole display name must match ({@link GroupScope#NAME_PATTERN})
 * @param groupPrefix        put before each synced group's display name to make its host name (may be empty)
 * @param usernameAttribute  the Graph property the username comes from: {@code userPrincipalName}, {@code mail},
 *                           {@code onPremisesSamAccountName} or an extension attribute {@code extension_<app>_<name>}
 * @param usernamePattern    the login's transform: the whole value must match; group 1 is the username
 * @param usernameLowerCase  whether the username is lower-cased
 * @param directory          the host directory new accounts go to; empty: the host's first writable one
 * @param defaultGroups      host groups every synced account joins (never removed by the sync)
 * @param deactivationGrace  how long a user may be gone from the scope (or disabled) before deactivation; zero: at once
 * @param safetyStopPercent  a run that would deactivate more than this share of the synced users stops and waits for
 *                           an administrator's confirmation
 */
public record DirectorySyncSettings(
        boolean enabled,
        Duration interval,
        UserScope users,
        List<String> userGroups,
        Optional<String> userFilter,
        GroupScope groups,
        List<String> groupIds,
        Optional<String> groupNamePattern,
        String groupPrefix,
        String usernameAttribute,
        Optional<String> usernamePattern,
        boolean usernameLowerCase,
        Optional<String> directory,
        List<String> defaultGroups,
        Duration deactivationGrace,
        int safetyStopPercent) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(30);
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(5);
    public static final Duration MAX_INTERVAL = Duration.ofDays(7);
    public static final Duration MAX_GRACE = Duration.ofDays(365);
    public static final int DEFAULT_SAFETY_STOP_PERCENT = 10;
    public static final String DEFAULT_USERNAME_ATTRIBUTE = "userPrincipalName";

    /** Which users of the tenant the sync brings in. */
    public enum UserScope {
        /** Every user of the tenant ({@code /users/delta}; {@code User.Read.All}). */
        ALL,
        /** The direct user members of chosen groups ({@code GroupMember.Read.All} too). */
        GROUP_MEMBERS,
        /** The users a Graph {@code $filter} selects: read whole each run (delta queries take no such filter). */
        FILTER
    }

    /** Which groups of the tenant become host groups. */
    public enum GroupScope {
        /** No group: users only (and the default groups). */
        NONE,
        /** The groups with the chosen object ids. */
        CHOSEN,
        /** The groups whose display name matches a pattern. */
        NAME_PATTERN,
        /** The groups assigned to the connector's application (its enterprise application's users and groups). */
        APP_ASSIGNED
    }

    public DirectorySyncSettings {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(users, "users");
        userGroups = List.copyOf(userGroups);
        Objects.requireNonNull(userFilter, "userFilter");
        Objects.requireNonNull(groups, "groups");
        groupIds = List.copyOf(groupIds);
        Objects.requireNonNull(groupNamePattern, "groupNamePattern");
        Objects.requireNonNull(groupPrefix, "groupPrefix");
        Objects.requireNonNull(usernameAttribute, "usernameAttribute");
        Objects.requireNonNull(usernamePattern, "usernamePattern");
        Objects.requireNonNull(directory, "directory");
        defaultGroups = List.copyOf(defaultGroups);
        Objects.requireNonNull(deactivationGrace, "deactivationGrace");
    }

    /** Off: what a connector without sync elements means. */
    public static DirectorySyncSettings defaults() {
        return builder().build();
    }

    public static DirectorySyncSettingsBuilder builder() {
        return new DirectorySyncSettingsBuilder();
    }

    public DirectorySyncSettingsBuilder toBuilder() {
        return DirectorySyncSettingsBuilder.from(this);
    }

    /** Whether the sync reads groups at all: for host groups, or to know the members of the users' groups. */
    public boolean readsGroups() {
        return groups != GroupScope.NONE || users == UserScope.GROUP_MEMBERS;
    }
}
