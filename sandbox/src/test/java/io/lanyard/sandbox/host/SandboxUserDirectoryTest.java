package io.lanyard.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.host.HostUser;
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
                .containsExactly("alice", "bob", "admin", "carol", "any other name");
        assertThat(directory.demoAccounts()).extracting(SandboxUserDirectory.DemoAccount::shows).containsExactly(
                "an ordinary user", "an ordinary user", "a system administrator, who can open Lanyard's administration",
                "a deactivated account, refused with LNY-504", "no account here, refused with LNY-502");
    }

    @Test
    void comparesUsernamesAndEmailsIgnoringCase() {
        assertThat(directory.findByUsername("ALICE").map(HostUser::username)).contains("alice");
        assertThat(directory.findByEmail("Bob@Example.com")).extracting(HostUser::username).containsExactly("bob");
        assertThat(directory.findByUsername("mallory")).isEmpty();
        assertThat(directory.findByEmail("mallory@example.com")).isEmpty();
    }

    @Test
    void localPasswordIsTheUsernameAndInactiveAccountsCannotLogIn() {
        assertThat(directory.authenticate("admin", "admin")).isPresent();
        assertThat(directory.authenticate("admin", "wrong")).isEmpty();
        assertThat(directory.authenticate("carol", "carol")).isEmpty();
        assertThat(directory.authenticate(null, null)).isEmpty();
    }
}
