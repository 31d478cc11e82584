package io.lanyard.interop.harness;

import java.util.List;

/**
 * A person with an account at the identity providers (and, by the same username, in the sandbox's directory).
 * Test passwords of test accounts; the same in the Keycloak realm and in the oidc-provider script.
 */
public record TestAccount(String username, String password, List<String> groups) {

    public static final TestAccount ALICE = new TestAccount("alice", "alice-interop-password",
            List.of("lanyard-users", "jira-administrators"));
    public static final TestAccount BOB = new TestAccount("bob", "bob-interop-password", List.of("lanyard-users"));
    /** Only at Keycloak, and without an account in the sandbox: just-in-time creation and group sync (issue 13). */
    public static final TestAccount DANA = new TestAccount("dana", "dana-interop-password",
            List.of("lanyard-users", "engineering"));

    @Override
    public String toString() {
        return username;
    }
}
