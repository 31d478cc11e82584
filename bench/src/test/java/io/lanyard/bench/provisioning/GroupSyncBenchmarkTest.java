package io.lanyard.bench.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.provisioning.GroupPlan;
import io.lanyard.core.provisioning.GroupRules;
import org.junit.jupiter.api.Test;

/** Each scenario of the benchmark decides what it says it decides, so the figures measure real work. */
class GroupSyncBenchmarkTest {

    private static GroupPlan planOf(String scenario) {
        GroupRules rules = GroupSyncBenchmark.rules();
        return GroupSyncBenchmark.plan(rules, GroupSyncBenchmark.claim(scenario),
                GroupSyncBenchmark.currentMemberships(scenario), scenario.equals("firstLogin"));
    }

    @Test
    void theTokenCarries500GroupsOfWhich300AreManaged() {
        assertThat(GroupSyncBenchmark.claim("unchanged")).hasSize(500).doesNotHaveDuplicates();
    }

    @Test
    void aFirstLoginAddsEveryManagedGroupAndTheDefaultOneAndLeavesLocalGroups() {
        GroupPlan plan = planOf("firstLogin");

        assertThat(plan.additions()).hasSize(301);
        assertThat(plan.removals()).isEmpty();
    }

    @Test
    void anUnchangedLoginWritesNothing() {
        GroupPlan plan = planOf("unchanged");

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.unchanged()).isEqualTo(300);
    }

    @Test
    void tenChangedAddsTenAndRemovesTenManagedOnes() {
        GroupPlan plan = planOf("tenChanged");

        assertThat(plan.additions()).extracting(GroupPlan.Change::group).hasSize(10).allMatch(g -> g.startsWith("jira-team-29"));
        assertThat(plan.removals()).extracting(GroupPlan.Change::group).containsExactly("jira-team-0", "jira-team-1",
                "jira-team-2", "jira-team-3", "jira-team-4", "jira-team-5", "jira-team-6", "jira-team-7",
                "jira-team-8", "jira-team-9");
    }
}
