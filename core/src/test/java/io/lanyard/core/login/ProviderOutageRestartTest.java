package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.cluster.LocalClusterState;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.discovery.ProviderDocuments;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.session.LanyardSession;
import io.lanyard.core.session.SessionRevocations;
import io.lanyard.core.testing.FakeProvider;
import io.lanyard.core.testing.InMemoryUsers;
import io.lanyard.core.testing.MutableClock;
import io.lanyard.core.testing.TestIdTokens;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node restarted while the provider is down (the provider stopped): with the discovery document and keys kept in
 * the shared home it still validates logout tokens, and shows the age of what it uses; without them it cannot.
 */
class ProviderOutageRestartTest {

    private static final String IDP = "OutageIdp";

    @TempDir
    Path lanyardHome;

    private final MutableClock clock = new MutableClock(Instant.now());
    private final FakeProvider provider = FakeProvider.start(clock);
    private final ConfigurationHolder configuration = new ConfigurationHolder(new LanyardConfiguration(List.of(
            IdentityProviderConfig.builder().id(IDP).displayName("Outage").discoveryUrl(provider.discoveryUrl()
                    .toString()).clientId(FakeProvider.CLIENT_ID)
                    .clientSecret(StoredSecret.plaintext(Secret.of(FakeProvider.CLIENT_SECRET))).build())));

    @AfterEach
    void stop() {
        provider.close();
    }

    private LoginService node(ProviderDocuments documents) {
        return LoginService.builder(configuration, ClientSecretResolver.fileOnly(), InMemoryUsers.standard(),
                () -> URI.create("https://jira.example.com"), clock)
                .limits(new HttpLimits(Duration.ofSeconds(1), Duration.ofSeconds(1), 64 * 1024))
                .providerDocuments(documents).build();
    }

    private LanyardSession logIn(LoginService service, String subject, String sid) {
        provider.idTokenCustomizer = token -> token.claim("sid", sid);
        LoginRedirect redirect = service.startLogin(IDP, "/");
        String code = provider.authorize(redirect.authorizationUri(), subject, Map.of());
        return service.completeLogin(IDP, redirect.pendingLogin(), AuthorizationResponse.of(
                redirect.pendingLogin().state(), code, provider.issuer(), null, null)).session();
    }

    private String logoutToken(String subject, String sid) {
        return TestIdTokens.logoutTokenAt(clock.instant()).claim("iss", provider.issuer())
                .claim("aud", List.of(FakeProvider.CLIENT_ID)).claim("sub", subject).claim("sid", sid).sign();
    }

    @Test
    void aNodeRestartedDuringTheOutageStillValidatesLogoutTokensFromTheCopyInTheSharedHome() {
        LocalClusterState cluster = new LocalClusterState(clock);
        LanyardSession alice = logIn(node(ProviderDocuments.inFolder(lanyardHome, clock)), "alice", "sid-1");
        assertThat(lanyardHome.resolve("provider-documents")).isDirectory();
        provider.close(); // the outage
        clock.advance(Duration.ofMinutes(20));

        ProviderDocuments restartedDocuments = ProviderDocuments.inFolder(lanyardHome, clock);
        LoginService restarted = node(restartedDocuments);
        SessionRevocations revocations = SessionRevocations.of(cluster, clock);
        LogoutService logouts = LogoutService.create(restarted, cluster, revocations, event -> { });

        logouts.backChannelLogout(IDP, logoutToken("alice", "sid-1"));

        assertThat(revocations.isRevoked(alice)).isTrue();
        ProviderDocuments.Status discovery = restartedDocuments.status(provider.discoveryUrl()).orElseThrow();
        assertThat(discovery.servedFromCopy()).isTrue();
        assertThat(discovery.failure()).contains(ErrorCode.DISCOVERY_UNREACHABLE);
        assertThat(discovery.age(clock.instant()).orElseThrow()).isGreaterThanOrEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void withoutTheCopyARestartedNodeCannotValidateDuringTheOutage() {
        logIn(node(ProviderDocuments.inMemory(clock)), "alice", "sid-1");
        provider.close();
        LocalClusterState cluster = new LocalClusterState(clock);
        LogoutService logouts = LogoutService.create(node(ProviderDocuments.inFolder(lanyardHome, clock)), cluster,
                SessionRevocations.of(cluster, clock), event -> { });

        assertThatThrownBy(() -> logouts.backChannelLogout(IDP, logoutToken("alice", "sid-1")))
                .isInstanceOf(LanyardException.class)
                .extracting(e -> ((LanyardException) e).errorCode()).isEqualTo(ErrorCode.DISCOVERY_UNREACHABLE);
    }

    @Test
    void aCopyThatIsNotWholeIsIgnoredNotTrusted() throws Exception {
        logIn(node(ProviderDocuments.inFolder(lanyardHome, clock)), "alice", "sid-1");
        provider.close();
        try (var files = Files.list(lanyardHome.resolve("provider-documents"))) {
            for (Path file : files.toList()) {
                Files.writeString(file, "not a header\n{");
            }
        }
        LocalClusterState cluster = new LocalClusterState(clock);
        LogoutService logouts = LogoutService.create(node(ProviderDocuments.inFolder(lanyardHome, clock)), cluster,
                SessionRevocations.of(cluster, clock), event -> { });

        assertThatThrownBy(() -> logouts.backChannelLogout(IDP, logoutToken("alice", "sid-1")))
                .isInstanceOf(LanyardException.class);
    }
}
