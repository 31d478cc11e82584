package io.lanyard.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.config.GroupSyncSettings.GroupMapping;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.testing.InMemoryHost;
import io.lanyard.core.testing.LogCapture;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Group sync as a login runs it: the managed memberships follow the provider, every other one stays. */
class GroupProvisioningTest {

    private final InMemoryHost host = new InMemoryHost()
            .withGroups("jira-developers", "jira-operators", "jira-users")
            .with(new HostUser("alice", "Alice", "alice@example.com", true), "jira-operators", "local-team",
                    "ldap-staff");
    private final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    private final AccountProvisioning provisioning = new AccountProvisioning(host, host, host, Optional.empty(),
            audited::add, Clock.systemUTC());
    private final Identities identities = Identities.of(s -> s.syncGroups(true).createUsers(true)
            .groupMappings(List.of(new GroupMapping("engineering", "jira-developers"),
                    new GroupMapping("operations", "jira-operators")))
            .defaultGroups(List.of("jira-users")));

    @Test
    void aLoginBringsTheManagedMembershipsInStepAndLeavesLocalAndLdapGroupsAlone() {
        provisioning.accountFor(identities.of("alice", Map.of("groups", List.of("engineering", "unmapped"))));

        assertThat(host.groupsOf("alice")).containsExactlyInAnyOrder("jira-developers", "local-team", "ldap-staff");
        assertThat(audited).filteredOn(e -> e.type() == AuditEventType.GROUP_MEMBERSHIP_CHANGED)
                .extracting(e -> e.details().get("change") + " " + e.details().get("group") + " by "
                        + e.details().get("rule"))
                .containsExactly("added jira-developers by mapping engineering => jira-developers",
                        "removed jira-operators by managed by the mapping table, not among the provider's groups");
    }

    @Test
    void aSecondLoginWithTheSameGroupsWritesNothing() {
        provisioning.accountFor(identities.of("alice", Map.of("groups", List.of("engineering"))));
        host.writes.clear();

        provisioning.accountFor(identities.of("alice", Map.of("groups", List.of("engineering"))));

        assertThat(host.writes).isEmpty();
    }

    @Test
    void aNewUserGetsItsGroupsAndTheDefaultGroupAtTheFirstLogin() {
        HostUser dave = provisioning.accountFor(identities.of("dave", Map.of("email", "dave@example.com",
                "groups", List.of("engineering"))));

        assertThat(host.groupsOf(dave.username())).containsExactlyInAnyOrder("jira-developers", "jira-users");
    }

    @Test
    void aGroupChangeThatFailsMidwayIsUndoneAndTheLoginRefusedWithLny513() {
        host.failWhen(write -> write.equals("remove alice from jira-operators"));

        assertThatThrownBy(() -> provisioning.accountFor(identities.of("alice", Map.of("groups",
                List.of("engineering"))))).isInstanceOf(LanyardException.class)
                .extracting(e -> ((LanyardException) e).errorCode()).isEqualTo(ErrorCode.GROUP_SYNC_FAILED);
        assertThat(host.groupsOf("alice")).containsExactlyInAnyOrder("jira-operators", "local-team", "ldap-staff");
    }

    @Test
    void aGroupsClaimOfTheWrongTypeIsLny512BeforeAnythingIsWritten() {
        assertThatThrownBy(() -> provisioning.accountFor(identities.of("dave", Map.of("email", "dave@example.com",
                "groups", Map.of("not", "a list"))))).isInstanceOf(LanyardException.class)
                .extracting(e -> ((LanyardException) e).errorCode()).isEqualTo(ErrorCode.GROUPS_CLAIM_INVALID);
        assertThat(host.writes).isEmpty();
        assertThat(host.user("dave")).isEmpty();
    }

    @Test
    void anOverageTokenWithoutGraphAccessIsLny725AndNothingIsCreated() {
        assertThatThrownBy(() -> provisioning.accountFor(identities.of("dave", Map.of("email", "dave@example.com",
                "_claim_names", Map.of("groups", "src1"), "oid", "0000")))).isInstanceOf(LanyardException.class)
                .extracting(e -> ((LanyardException) e).errorCode())
                .isEqualTo(ErrorCode.OVERAGE_CONNECTOR_UNAVAILABLE);
        assertThat(host.user("dave")).isEmpty();
    }

    @Test
    void eachChangeIsLoggedWithUserProviderAndRule() {
        try (LogCapture log = LogCapture.start()) {
            new AccountProvisioning(host, host, host, Optional.empty(), AuditSink.none(), Clock.systemUTC())
                    .accountFor(identities.of("alice", Map.of("groups", List.of("engineering", "operations"))));

            assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("Added alice to the group "
                    + "jira-developers (identity provider " + Identities.PROVIDER
                    + ", rule: mapping engineering => jira-developers)"));
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("groups: 1 added, 0 removed, "
                    + "0 created, 0 skipped, 1 unchanged"));
        }
    }
}
