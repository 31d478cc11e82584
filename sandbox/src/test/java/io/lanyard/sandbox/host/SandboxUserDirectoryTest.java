package io.lanyard.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.GroupWrites;
import io.lanyard.core.host.HostDirectory;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.NewAccount;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SandboxUserDirectoryTest {

    private final SandboxUserDirectory directory = new SandboxUserDirectory();

    @Test
    void holdsTheDocumentedAccounts() {
        assertThat(directory.findByUsername("alice")).contains(
                new HostUser("alice", "Alice Anderson", "alice@example.com", true));
        assertThat(directory.findByUsername("bob").map(HostUser::displayName)).contains("Bob Brown");
        assertThat(directory.findByUsername("carol").map(HostUser::active)).contains(false);
        assertThat(directory.account("admin").orElseThrow().systemAdministrator()).isTrue();
        assertThat(directory.account("admin").orElseThrow().groups())
                .containsExactlyInAnyOrder("sandbox-users", "sandbox-administrators");
        assertThat(directory.account("alice").orElseThrow().systemAdministrator()).isFalse();
    }

    @Test
    void listsEveryDemoAccountWithWhatItShowsAndThenAnyoneElse() {
        assertThat(directory.demoAccounts()).extracting(SandboxUserDirectory.DemoAccount::username)
                .containsExactly("alice", "bob", "admin", "carol", "any other name, e.g. dave");
        assertThat(directory.demoAccounts()).extracting(SandboxUserDirectory.DemoAccount::shows).containsExactly(
                "an ordinary user", "an ordinary user", "a system administrator, who can open Lanyard's administration",
                "a deactivated account, refused with LNY-504",
                "no account yet: created at the first sign-in, with the groups typed there (engineering: "
                        + "sandbox-developers)");
    }

    @Test
    void comparesUsernamesAndEmailsIgnoringCase() {
        assertThat(directory.findByUsername("ALICE").map(HostUser::username)).contains("alice");
        assertThat(directory.findByEmail("Bob@Example.com")).extracting(HostUser::username).containsExactly("bob");
        assertThat(directory.findByUsername("mallory")).isEmpty();
        assertThat(directory.findByEmail("mallory@example.com")).isEmpty();
    }

    @Test
    void createsAccountsInItsOneDirectoryAndRefusesAnotherWithLny610() {
        directory.create(new NewAccount(Optional.empty(), "dave", "Dave", "dave@example.com"));

        assertThat(directory.findByUsername("DAVE")).contains(new HostUser("dave", "Dave", "dave@example.com", true));
        assertThat(directory.writableDirectories()).extracting(HostDirectory::name)
                .containsExactly(SandboxUserDirectory.DIRECTORY);
        assertThatThrownBy(() -> directory.create(new NewAccount(Optional.of("LDAP"), "erin", "Erin", "e@x")))
                .isInstanceOf(LanyardException.class).extracting(e -> ((LanyardException) e).errorCode())
                .isEqualTo(ErrorCode.HOST_DIRECTORY_UNAVAILABLE);
    }

    @Test
    void keepsMembershipsAttributesAndProductAccess() {
        GroupWrites.UserGroups bob = directory.of("bob");
        bob.add(SandboxUserDirectory.DEVELOPERS_GROUP.toUpperCase());
        bob.remove(SandboxUserDirectory.USERS_GROUP);
        directory.setAttribute("bob", "lanyard.identity", Set.of("x:1"));

        assertThat(bob.direct()).containsExactly(SandboxUserDirectory.DEVELOPERS_GROUP);
        assertThat(directory.mayUseTheSandbox("bob")).isFalse();
        assertThat(directory.mayUseTheSandbox("alice")).isTrue();
        assertThat(directory.mayUseTheSandbox("carol")).as("deactivated").isFalse();
        assertThat(directory.attribute("bob", "lanyard.identity")).containsExactly("x:1");
        assertThatThrownBy(() -> bob.add("no-such-group")).isInstanceOf(LanyardException.class);
        assertThatThrownBy(() -> directory.of("nobody")).isInstanceOf(LanyardException.class)
                .extracting(e -> ((LanyardException) e).errorCode()).isEqualTo(ErrorCode.HOST_GROUPS_UNREADABLE);
    }

    @Test
    void localPasswordIsTheUsernameAndInactiveAccountsCannotLogIn() {
        assertThat(directory.authenticate("admin", "admin")).isPresent();
        assertThat(directory.authenticate("admin", "wrong")).isEmpty();
        assertThat(directory.authenticate("carol", "carol")).isEmpty();
        assertThat(directory.authenticate(null, null)).isEmpty();
    }
}
