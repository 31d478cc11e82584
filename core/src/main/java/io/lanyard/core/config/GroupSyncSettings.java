package io.lanyard.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which host group memberships Lanyard keeps in step with the groups a provider sends. Lanyard adds and removes
 * memberships only in the groups these rules cover (the mapping table's host groups, and with
 * {@link #syncUnmapped()} the groups whose names start with {@link #prefix()}): every other membership of the
 * person, local or from LDAP, is never touched. Default groups are added, never removed.
 *
 * @param sync              whether the provider's groups are synchronised at all
 * @param claim             the claim holding the groups: a name, or a path into nested claims such as
 *                          {@code realm_access.roles} or {@code resource_access.<client>.roles}
 * @param included          when not empty, only these provider groups count (by value as sent, e.g. an object id,
 *                          or by name)
 * @param includedPattern   when present, only the provider groups matching this expression as a whole count
 * @param mappings          provider group → host group, several rows for several host groups
 * @param syncUnmapped      whether a provider group that no row maps becomes a host group of its own name (after
 *                          {@code namePattern}, lower-casing and {@code prefix})
 * @param prefix            put before the names of such groups, and what tells Lanyard's groups from others
 * @param namePattern       when present, a provider group's name must match it whole to become a host group;
 *                          group 1, when the expression has one, is the name
 * @param lowerCase         whether such names are lower-cased
 * @param createGroups      whether a host group that does not exist is created (otherwise that membership is
 *                          skipped, with a warning)
 * @param defaultGroups     host groups every person of this provider is added to (e.g. the product-access group)
 * @param defaultGroupsFor  when default groups are added
 * @param overageConnector  the Entra ID connector that reads a person's groups from Microsoft Graph when the token
 *                          says they did not fit into it (group overage)
 * @param overageCacheTime  how long groups read from Graph are reused for the same person; zero: not at all
 */
public record GroupSyncSettings(boolean sync, String claim, List<String> included, Optional<String> includedPattern,
        List<GroupMapping> mappings, boolean syncUnmapped, String prefix, Optional<String> namePattern,
        boolean lowerCase, boolean createGroups, List<String> defaultGroups, DefaultGroupsFor defaultGroupsFor,
        Optional<String> overageConnector, Duration overageCacheTime) {

    public static final String DEFAULT_CLAIM = "groups";
    public static final Duration DEFAULT_OVERAGE_CACHE_TIME = Duration.ofMinutes(5);
    public static final Duration MAX_OVERAGE_CACHE_TIME = Duration.ofDays(1);

    public static final GroupSyncSettings DEFAULT = new GroupSyncSettings(false, DEFAULT_CLAIM, List.of(),
            Optional.empty(), List.of(), false, "", Optional.empty(), false, false, List.of(), DefaultGroupsFor.NEW_USERS,
            Optional.empty(), DEFAULT_OVERAGE_CACHE_TIME);

    public GroupSyncSettings {
        Objects.requireNonNull(claim, "claim");
        included = List.copyOf(included);
        Objects.requireNonNull(includedPattern, "includedPattern");
        mappings = List.copyOf(mappings);
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(namePattern, "namePattern");
        defaultGroups = List.copyOf(defaultGroups);
        Objects.requireNonNull(defaultGroupsFor, "defaultGroupsFor");
        Objects.requireNonNull(overageConnector, "overageConnector");
        Objects.requireNonNull(overageCacheTime, "overageCacheTime");
    }

    /** When default groups are added. */
    public enum DefaultGroupsFor {
        /** To an account Lanyard has just created. */
        NEW_USERS,
        /** At every login (a membership removed by hand comes back at the next login). */
        EVERY_LOGIN
    }

    /**
     * One row of the mapping table.
     *
     * @param providerGroup the group as the provider sends it (a name, or an Entra ID object id), or its name as
     *                      Microsoft Graph gives it
     * @param hostGroup     the host group it means
     */
    public record GroupMapping(String providerGroup, String hostGroup) {

        public GroupMapping {
            Objects.requireNonNull(providerGroup, "providerGroup");
            Objects.requireNonNull(hostGroup, "hostGroup");
        }
    }
}
