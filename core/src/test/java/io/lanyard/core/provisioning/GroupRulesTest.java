package io.lanyard.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.GroupSyncSettings.DefaultGroupsFor;
import io.lanyard.core.config.GroupSyncSettings.GroupMapping;
import io.lanyard.core.config.ProvisioningSettings;
import io.lanyard.core.config.ProvisioningSettingsBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The decisions of the group rules and the plan they make, without a host. */
class GroupRulesTest {

    private static GroupRules rules(UnaryOperator<ProvisioningSettingsBuilder> settings) {
        return new GroupRules(settings.apply(ProvisioningSettings.builder().syncGroups(true)).build().groups());
    }

    private static List<ProviderGroup> provider(String... names) {
        return Stream.of(names).map(ProviderGroup::named).toList();
    }

    private static Map<String, String> desired(GroupRules rules, boolean newUser, String... names) {
        Map<String, String> result = new java.util.LinkedHashMap<>();
        rules.desired(provider(names), newUser).values().forEach(wanted -> result.put(wanted.group(), wanted.rule()));
        return result;
    }

    @Test
    void theMappingTableMapsOneProviderGroupToSeveralHostGroupsWithoutRegardToCase() {
        GroupRules rules = rules(s -> s.groupMappings(List.of(new GroupMapping("Engineering", "jira-developers"),
                new GroupMapping("engineering", "jira-software-users"))));

        assertThat(desired(rules, false, "ENGINEERING", "sales")).containsExactly(
                Map.entry("jira-developers", "mapping Engineering => jira-developers"),
                Map.entry("jira-software-users", "mapping engineering => jira-software-users"));
    }

    @Test
    void onlyIncludedGroupsCountByListOrByPattern() {
        List<GroupMapping> both = List.of(new GroupMapping("eng", "jira-eng"), new GroupMapping("ops", "jira-ops"));
        GroupRules listed = rules(s -> s.groupMappings(both).includedGroups(List.of("ops")));
        GroupRules matching = rules(s -> s.groupMappings(both).includedGroupsPattern("e.*"));

        assertThat(desired(listed, false, "eng", "ops")).containsOnlyKeys("jira-ops");
        assertThat(desired(matching, false, "eng", "ops")).containsOnlyKeys("jira-eng");
    }

    @Test
    void unmappedGroupsBecomeHostGroupsWithThePrefixAfterThePatternAndLowerCasing() {
        GroupRules rules = rules(s -> s.syncUnmappedGroups(true).groupNamePrefix("idp-")
                .groupNamePattern("/(?:acme/)?(.+)").groupNameLowerCase(true)
                .groupMappings(List.of(new GroupMapping("/acme/Admins", "jira-administrators"))));

        assertThat(desired(rules, false, "/acme/Admins", "/acme/QA Team", "no-slash")).containsExactly(
                Map.entry("jira-administrators", "mapping /acme/Admins => jira-administrators"),
                Map.entry("idp-qa team", "unmapped group /acme/QA Team with prefix idp-"));
    }

    @Test
    void lanyardManagesTheMappedGroupsAndThePrefixedOnesAndNothingElse() {
        GroupRules rules = rules(s -> s.syncUnmappedGroups(true).groupNamePrefix("idp-")
                .groupMappings(List.of(new GroupMapping("eng", "Jira-Developers"))));

        assertThat(rules.manages("jira-developers")).isTrue();
        assertThat(rules.manages("IDP-anything")).isTrue();
        assertThat(rules.manages("jira-users")).isFalse();
        assertThat(rules.manages("local-team")).isFalse();
        assertThat(new GroupRules(ProvisioningSettings.builder().groupMappings(List.of(
                new GroupMapping("eng", "jira-developers"))).build().groups()).manages("jira-developers"))
                .as("with group sync off nothing is managed").isFalse();
    }

    @Test
    void thePlanRemovesOnlyManagedGroupsTheProviderNoLongerSendsAndKeepsEveryOtherMembership() {
        GroupRules rules = rules(s -> s.groupMappings(List.of(new GroupMapping("eng", "jira-developers"),
                new GroupMapping("ops", "jira-operators"))));
        Set<String> current = Set.of("jira-operators", "local-team", "ldap-staff", "JIRA-DEVELOPERS");

        GroupPlan plan = GroupPlan.between(current, rules.desired(provider("eng"), false), rules);

        assertThat(plan.additions()).isEmpty();
        assertThat(plan.removals()).singleElement().satisfies(change -> {
            assertThat(change.group()).isEqualTo("jira-operators");
            assertThat(change.rule()).isEqualTo("managed by the mapping table, not among the provider's groups");
        });
        assertThat(plan.unchanged()).isEqualTo(1);
    }

    @Test
    void defaultGroupsAreAddedForNewUsersOrAtEveryLoginAndNeverRemoved() {
        GroupRules newUsers = rules(s -> s.syncUnmappedGroups(true).groupNamePrefix("jira-")
                .defaultGroups(List.of("jira-software-users")).defaultGroupsFor(DefaultGroupsFor.NEW_USERS));
        GroupRules everyLogin = rules(s -> s.defaultGroups(List.of("jira-software-users"))
                .defaultGroupsFor(DefaultGroupsFor.EVERY_LOGIN));

        assertThat(desired(newUsers, true)).containsExactly(Map.entry("jira-software-users", "default group"));
        assertThat(desired(newUsers, false)).isEmpty();
        assertThat(desired(everyLogin, false)).containsOnlyKeys("jira-software-users");
        assertThat(GroupPlan.between(Set.of("jira-software-users"), newUsers.desired(List.of(), false), newUsers)
                .removals()).as("managed by the prefix, but a default group").isEmpty();
    }

    @Test
    void defaultGroupsApplyWithGroupSyncOff() {
        GroupRules rules = new GroupRules(ProvisioningSettings.builder().defaultGroups(List.of("jira-users"))
                .groupMappings(List.of(new GroupMapping("eng", "jira-developers"))).build().groups());

        assertThat(rules.desired(provider("eng"), true).keySet()).containsExactly("jira-users");
    }
}
