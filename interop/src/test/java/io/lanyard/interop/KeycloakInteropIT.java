package io.lanyard.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.GroupSyncSettings.GroupMapping;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.interop.harness.Browser;
import io.lanyard.interop.harness.KeycloakServer;
import io.lanyard.interop.harness.LanyardSandbox;
import io.lanyard.interop.harness.ProviderUnderTest;
import io.lanyard.interop.harness.TestAccount;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The interoperability contract against Keycloak's server distribution from Maven Central, in dev mode with the
 * realm of {@code src/test/resources/keycloak/}. Started once for this class (a cold start takes a minute or two
 * on two shared cores), stopped after it. Besides the contract: users and groups from Keycloak (issue 13), through
 * the realm's group membership mapper.
 */
class KeycloakInteropIT extends InteropContract {

    private static final TestAccount DANA = TestAccount.DANA;

    @Override
    protected ProviderUnderTest startProvider(Path work, int sandboxPort) throws Exception {
        String version = System.getProperty("interop.keycloak.version", "");
        Path home = Path.of(System.getProperty("interop.keycloak.home", "target/keycloak/keycloak-" + version));
        Path javaHome = Path.of(System.getProperty("interop.keycloak.javaHome", System.getProperty("java.home")));
        return KeycloakServer.start(home, version, javaHome, work, sandboxPort);
    }

    // --- 8. Users and groups from the identity provider ----------------------------------------------------------

    /**
     * dana has no account in the sandbox: the first login creates it with Keycloak's name and e-mail and the groups
     * the rules give (the default group, and engineering mapped); after an administrator removes dana from
     * engineering in Keycloak, the next login removes the mapped group, and a local group stays.
     */
    @Test
    void aFirstLoginCreatesTheAccountWithItsGroupsAndAGroupRemovedInKeycloakGoesAtTheNextLogin() throws Exception {
        IdentityProviderConfigBuilder config = provider.lanyardConfig();
        config.provisioning().createUsers(true).updateUsers(true).syncGroups(true)
                .groupMappings(List.of(new GroupMapping("engineering", "sandbox-developers")))
                .defaultGroups(List.of("sandbox-users"));
        try (LanyardSandbox sandbox = sandbox(config)) {
            assertThat(sandbox.directory().findByUsername(DANA.username())).as("no account before").isEmpty();
            try (Browser browser = browser("8-first-login")) {
                logIn(browser, sandbox, "/pages/first", DANA);
                assertLoggedIn(browser, sandbox, "/pages/first", DANA);

                Map<String, Object> whoami = browser.json(sandbox.at("/rest/sandbox/1/whoami"));
                assertThat(whoami).containsEntry("username", "dana").containsEntry("displayName", "Dana Davis")
                        .containsEntry("email", "dana@example.com");
                assertThat(whoami.get("groups")).asList().containsExactly("sandbox-developers", "sandbox-users");
            }
            sandbox.directory().addLocalMembership(DANA.username(), "local-book-club");
            ((KeycloakServer) provider).removeFromGroup(DANA.username(), "engineering");

            try (Browser browser = browser("8-next-login")) {
                logIn(browser, sandbox, "/pages/next", DANA);
                assertLoggedIn(browser, sandbox, "/pages/next", DANA);

                assertThat(browser.json(sandbox.at("/rest/sandbox/1/whoami")).get("groups")).asList()
                        .containsExactly("local-book-club", "sandbox-users");
            }
        }
    }
}
