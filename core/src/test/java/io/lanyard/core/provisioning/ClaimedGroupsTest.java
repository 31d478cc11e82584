package io.lanyard.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where groups are read from in the claims, and what is refused. */
class ClaimedGroupsTest {

    private static List<String> names(ClaimedGroups groups) {
        return ((ClaimedGroups.Listed) groups).groups().stream().map(ProviderGroup::value).toList();
    }

    private static void assertRefused(Map<String, Object> claims, String path, ErrorCode code) {
        assertThatThrownBy(() -> ClaimedGroups.read(claims, path)).isInstanceOf(LanyardException.class)
                .extracting(e -> ((LanyardException) e).errorCode()).isEqualTo(code);
    }

    @Test
    void aTopLevelListOfNames() {
        assertThat(names(ClaimedGroups.read(Map.of("groups", List.of("engineering", " sales ")), "groups")))
                .containsExactly("engineering", "sales");
    }

    @Test
    void keycloaksRealmRolesAndClientRolesByNestedPath() {
        Map<String, Object> claims = Map.of(
                "realm_access", Map.of("roles", List.of("offline_access", "developer")),
                "resource_access", Map.of("lanyard-jira", Map.of("roles", List.of("jira-admin"))));

        assertThat(names(ClaimedGroups.read(claims, "realm_access.roles"))).containsExactly("offline_access",
                "developer");
        assertThat(names(ClaimedGroups.read(claims, "resource_access.lanyard-jira.roles")))
                .containsExactly("jira-admin");
    }

    @Test
    void aKeyWithDotsIsFoundWholeAtItsLevel() {
        Map<String, Object> claims = Map.of(
                "resource_access", Map.of("jira.example.com", Map.of("roles", List.of("admin"))),
                "https://example.com/groups", List.of("namespaced"));

        assertThat(names(ClaimedGroups.read(claims, "resource_access.jira.example.com.roles")))
                .containsExactly("admin");
        assertThat(names(ClaimedGroups.read(claims, "https://example.com/groups"))).containsExactly("namespaced");
    }

    @Test
    void oneTextIsOneGroupAndAnAbsentClaimIsNoGroup() {
        assertThat(names(ClaimedGroups.read(Map.of("groups", "engineering"), "groups")))
                .containsExactly("engineering");
        assertThat(names(ClaimedGroups.read(Map.of(), "groups"))).isEmpty();
        assertThat(names(ClaimedGroups.read(Map.of("realm_access", "not an object"), "realm_access.roles")))
                .isEmpty();
    }

    @Test
    void aClaimThatIsNotAListOfNamesIsLny512() {
        assertRefused(Map.of("groups", 42), "groups", ErrorCode.GROUPS_CLAIM_INVALID);
        assertRefused(Map.of("groups", Map.of("a", "b")), "groups", ErrorCode.GROUPS_CLAIM_INVALID);
        assertRefused(Map.of("groups", List.of("ok", 7)), "groups", ErrorCode.GROUPS_CLAIM_INVALID);
        assertRefused(Map.of("groups", List.of("line\nbreak")), "groups", ErrorCode.GROUPS_CLAIM_INVALID);
        assertRefused(Map.of("groups", List.of("x".repeat(1025))), "groups", ErrorCode.GROUPS_CLAIM_INVALID);
    }

    @Test
    void moreGroupsThanALoginTakesIsLny515() {
        assertRefused(Map.of("groups", Collections.nCopies(ClaimedGroups.MAX_GROUPS + 1, "g")), "groups",
                ErrorCode.GROUPS_TOO_MANY);
    }

    @Test
    void entrasOverageClaimNamesMeanTheGroupsAreUnknownNotEmpty() {
        Map<String, Object> overage = Map.of("oid", "9f1c…".replace("…", "0"),
                "_claim_names", Map.of("groups", "src1"),
                "_claim_sources", Map.of("src1", Map.of("endpoint", "https://graph.windows.net/evil")));

        assertThat(ClaimedGroups.read(overage, "groups")).isEqualTo(new ClaimedGroups.Overage(Optional.of("9f1c0")));
        assertThat(ClaimedGroups.read(Map.of("hasgroups", true), "groups"))
                .isEqualTo(new ClaimedGroups.Overage(Optional.empty()));
        assertThat(ClaimedGroups.read(Map.of("hasgroups", true), "roles"))
                .as("hasgroups speaks of the groups claim only").isEqualTo(new ClaimedGroups.Listed(List.of()));
    }
}
