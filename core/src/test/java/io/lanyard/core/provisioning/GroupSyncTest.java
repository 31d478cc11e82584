package io.lanyard.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.provisioning.GroupPlan.Change;
import io.lanyard.core.testing.InMemoryHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan applied all or nothing: missing groups, a failure midway and its undoing. */
class GroupSyncTest {

    private final InMemoryHost host = new InMemoryHost().withGroups("jira-developers", "jira-operators", "old-team")
            .with(new HostUser("dave", "Dave", "dave@example.com", true), "old-team", "local-team");

    private static GroupPlan plan(List<String> add, List<String> remove) {
        return new GroupPlan(add.stream().map(g -> new Change(g, "rule")).toList(),
                remove.stream().map(g -> new Change(g, "rule")).toList(), 0);
    }

    private static void assertFailsWith(Runnable sync, ErrorCode code) {
        assertThatThrownBy(sync::run).isInstanceOf(LanyardException.class)
                .extracting(e -> ((LanyardException) e).errorCode()).isEqualTo(code);
    }

    @Test
    void additionsAndRemovalsAreAppliedAndOnlyTheyAreWritten() {
        GroupSync.Outcome outcome = GroupSync.apply(plan(List.of("jira-developers"), List.of("old-team")),
                host.of("dave"), false, "dave");

        assertThat(host.groupsOf("dave")).containsExactlyInAnyOrder("jira-developers", "local-team");
        assertThat(host.writes).containsExactly("add dave to jira-developers", "remove dave from old-team");
        assertThat(outcome.added()).extracting(Change::group).containsExactly("jira-developers");
        assertThat(outcome.removed()).extracting(Change::group).containsExactly("old-team");
    }

    @Test
    void aMissingGroupIsCreatedWhenAllowedAndSkippedOtherwise() {
        GroupSync.Outcome skipped = GroupSync.apply(plan(List.of("new-group"), List.of()), host.of("dave"), false,
                "dave");
        assertThat(skipped.skipped()).extracting(Change::group).containsExactly("new-group");
        assertThat(host.hasGroup("new-group")).isFalse();

        GroupSync.Outcome created = GroupSync.apply(plan(List.of("new-group"), List.of()), host.of("dave"), true,
                "dave");
        assertThat(created.created()).containsExactly("new-group");
        assertThat(host.groupsOf("dave")).contains("new-group");
        assertThat(host.writes).containsExactly("create group new-group", "add dave to new-group");
    }

    @Test
    void aFailureMidwayUndoesWhatWasDoneAndIsLny513() {
        host.failWhen(write -> write.equals("remove dave from old-team"));

        assertFailsWith(() -> GroupSync.apply(plan(List.of("jira-developers", "jira-operators"), List.of("old-team")),
                host.of("dave"), false, "dave"), ErrorCode.GROUP_SYNC_FAILED);

        assertThat(host.groupsOf("dave")).containsExactlyInAnyOrder("old-team", "local-team");
        assertThat(host.writes).containsExactly("add dave to jira-developers", "add dave to jira-operators",
                "remove dave from jira-operators", "remove dave from jira-developers");
    }

    @Test
    void aFailedUndoIsLny514AndSaysWhatStaysChanged() {
        host.failWhen(write -> write.equals("remove dave from old-team")
                || write.equals("remove dave from jira-developers"));

        assertThatThrownBy(() -> GroupSync.apply(plan(List.of("jira-developers"), List.of("old-team")),
                host.of("dave"), false, "dave"))
                .isInstanceOf(LanyardException.class)
                .satisfies(e -> assertThat(((LanyardException) e).errorCode())
                        .isEqualTo(ErrorCode.GROUP_SYNC_PARTIALLY_APPLIED))
                .hasMessageContaining("stays added to jira-developers");
    }

    @Test
    void aGroupThatCannotBeCreatedIsLny513BeforeAnyMembershipIsWritten() {
        host.failWhen(write -> write.startsWith("create group"));

        assertFailsWith(() -> GroupSync.apply(plan(List.of("jira-developers", "brand-new"), List.of("old-team")),
                host.of("dave"), true, "dave"), ErrorCode.GROUP_SYNC_FAILED);
        assertThat(host.writes).isEmpty();
        assertThat(host.groupsOf("dave")).containsExactlyInAnyOrder("old-team", "local-team");
    }
}
