package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.GroupSyncSettings.GroupMapping;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.testing.FakeProvider;
import io.lanyard.core.testing.InMemoryHost;
import io.lanyard.core.testing.MutableClock;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Just-in-time creation and group sync through a whole login against the fake provider over real HTTP: the claims
 * that reach the host are the validated ID token's, and the login's account is the one the rules made.
 */
class LoginServiceProvisioningTest {

    private static final String IDP = "FakeProviderIdp";

    private final MutableClock clock = new MutableClock(Instant.now());
    private final FakeProvider provider = FakeProvider.start(clock);
    private final InMemoryHost host = new InMemoryHost().withGroups("jira-developers", "jira-users");
    private final List<AuditEvent> audited = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        provider.close();
    }

    private LoginService service() {
        IdentityProviderConfigBuilder builder = IdentityProviderConfig.builder().id(IDP).displayName("Fake")
                .discoveryUrl(provider.discoveryUrl().toString()).clientId(FakeProvider.CLIENT_ID)
                .clientSecret(StoredSecret.plaintext(Secret.of(FakeProvider.CLIENT_SECRET)));
        builder.provisioning().createUsers(true).syncGroups(true).defaultGroups(List.of("jira-users"))
                .groupMappings(List.of(new GroupMapping("engineering", "jira-developers")));
        return LoginService.builder(new ConfigurationHolder(new LanyardConfiguration(List.of(builder.build()))),
                        ClientSecretResolver.fileOnly(), host, () -> URI.create("https://jira.example.com"), clock)
                .writes(host, host).audit(audited::add).build();
    }

    private LoginSuccess logIn(LoginService service, String subject, Map<String, Object> claims) {
        LoginRedirect redirect = service.startLogin(IDP, "/");
        String code = provider.authorize(redirect.authorizationUri(), subject, claims);
        return service.completeLogin(IDP, redirect.pendingLogin(),
                AuthorizationResponse.of(redirect.pendingLogin().state(), code, provider.issuer(), null, null));
    }

    @Test
    void aFirstLoginCreatesTheAccountWithItsGroupsAndASecondOneFollowsTheProvidersGroups() {
        LoginService service = service();

        LoginSuccess first = logIn(service, "dave", Map.of("name", "Dave Davis", "groups", List.of("engineering")));

        assertThat(first.user().username()).isEqualTo("dave");
        assertThat(host.user("dave").orElseThrow().displayName()).isEqualTo("Dave Davis");
        assertThat(host.groupsOf("dave")).containsExactlyInAnyOrder("jira-developers", "jira-users");

        logIn(service, "dave", Map.of("groups", List.of()));

        assertThat(host.groupsOf("dave")).containsExactly("jira-users");
        assertThat(audited).extracting(AuditEvent::type).containsExactly(AuditEventType.ACCOUNT_CREATED,
                AuditEventType.GROUP_MEMBERSHIP_CHANGED, AuditEventType.GROUP_MEMBERSHIP_CHANGED,
                AuditEventType.GROUP_MEMBERSHIP_CHANGED);
    }

    private DryRunReport dryRun(LoginService service, String subject, Map<String, Object> claims) {
        LoginRedirect redirect = service.startDryRun(IDP, service.dryRunTicket(IDP));
        String code = provider.authorize(redirect.authorizationUri(), subject, claims);
        return service.completeDryRun(IDP, redirect.pendingLogin(),
                AuthorizationResponse.of(redirect.pendingLogin().state(), code, provider.issuer(), null, null));
    }

    @Test
    void testSignInShowsTheGroupDiffTheLoginWouldApplyAndAppliesNothing() {
        LoginService service = service();
        logIn(service, "dave", Map.of("groups", List.of("engineering")));
        audited.clear();

        DryRunReport existing = dryRun(service, "dave", Map.of("groups", List.of()));
        DryRunReport newcomer = dryRun(service, "erin", Map.of("groups", List.of("engineering")));

        assertThat(existing.facts().get("group sync")).contains("would remove jira-developers")
                .contains("would add none").contains("nothing applied");
        assertThat(newcomer.facts().get("group sync")).contains("would add").contains("jira-developers")
                .contains("jira-users").contains("would remove none");
        assertThat(newcomer.facts()).containsEntry("account", "does not exist");
        assertThat(host.groupsOf("dave")).as("nothing applied").containsExactlyInAnyOrder("jira-developers", "jira-users");
        assertThat(host.user("erin")).as("nobody created").isEmpty();
        assertThat(audited).as("a test changes nothing, so it reports no change").isEmpty();
    }
}
