package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.testing.FakeProvider;
import io.lanyard.core.testing.InMemoryUsers;
import io.lanyard.core.testing.MutableClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The login service with two providers at once (a corporate one and the contractors' one, each its own issuer): the
 * RFC 9700 §4.4 mix-up defence between them, which accounts each may log in, the hints of the chooser's e-mail field,
 * and the re-authentication of the person signed in (WebSudo).
 */
class LoginServiceSignInTest {

    private static final String CORPORATE = "corporate1";
    private static final String CONTRACTORS = "contractors1";

    private final MutableClock clock = new MutableClock(Instant.now());
    private final FakeProvider corporate = FakeProvider.start(clock);
    private final FakeProvider contractors = FakeProvider.start(clock);
    private final ConfigurationHolder configuration = new ConfigurationHolder(configured(b -> b));
    private final LoginService service = LoginService.create(configuration, ClientSecretResolver.fileOnly(),
            InMemoryUsers.standard(), () -> URI.create("https://jira.example.com"), clock,
            new HttpLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), 64 * 1024), new InMemorySeenLoginStates(clock));

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        corporate.close();
        contractors.close();
    }

    private static IdentityProviderConfigBuilder provider(String id, FakeProvider fake) {
        return IdentityProviderConfig.builder().id(id).displayName(id).discoveryUrl(fake.discoveryUrl().toString())
                .clientId(FakeProvider.CLIENT_ID).clientSecret(StoredSecret.plaintext(Secret.of(FakeProvider.CLIENT_SECRET)));
    }

    /** Both providers; the contractors' one shaped by {@code contractorsShape}. */
    private LanyardConfiguration configured(UnaryOperator<IdentityProviderConfigBuilder> contractorsShape) {
        return new LanyardConfiguration(List.of(provider(CORPORATE, corporate).build(),
                contractorsShape.apply(provider(CONTRACTORS, contractors)).build()));
    }

    private FakeProvider fake(String id) {
        return id.equals(CORPORATE) ? corporate : contractors;
    }

    private LoginSuccess logIn(String id, String subject, LoginOptions options) {
        LoginRedirect redirect = service.startLogin(id, "/secure/Dashboard.jspa?selectPageId=1", options);
        String code = fake(id).authorize(redirect.authorizationUri(), subject, Map.of());
        return service.completeLogin(id, redirect.pendingLogin(),
                AuthorizationResponse.of(redirect.pendingLogin().state(), code, fake(id).issuer(), null, null));
    }

    private static void assertFails(Runnable login, ErrorCode expected) {
        assertThatThrownBy(login::run).isInstanceOfSatisfying(LoginFailedException.class,
                e -> assertThat(e.errorCode()).isEqualTo(expected));
    }

    // --- RFC 9700 §4.4: mix-up defence with several providers ---

    @Test
    void bothProvidersLogInOnTheirOwnCallbacks() {
        assertThat(logIn(CORPORATE, "alice", LoginOptions.none()).identityProviderId()).isEqualTo(CORPORATE);
        assertThat(logIn(CONTRACTORS, "bob", LoginOptions.none()).identityProviderId()).isEqualTo(CONTRACTORS);
    }

    @Test
    void aLoginStartedAtOneProviderIsRefusedOnTheOthersCallbackBeforeAnyTokenRequest() {
        LoginRedirect redirect = service.startLogin(CORPORATE, "/", LoginOptions.none());
        String code = corporate.authorize(redirect.authorizationUri(), "alice", Map.of());

        assertFails(() -> service.completeLogin(CONTRACTORS, redirect.pendingLogin(), AuthorizationResponse.of(
                redirect.pendingLogin().state(), code, contractors.issuer(), null, null)), ErrorCode.CALLBACK_IDP_MISMATCH);
        assertThat(corporate.tokenRequests).hasValue(0);
        assertThat(contractors.tokenRequests).hasValue(0);
    }

    @Test
    void aResponseCarryingTheOtherProvidersIssuerIsRefusedBeforeAnyTokenRequest() {
        LoginRedirect redirect = service.startLogin(CORPORATE, "/", LoginOptions.none());
        String code = corporate.authorize(redirect.authorizationUri(), "alice", Map.of());

        // RFC 9207: the iss of the response must be the issuer the login was sent to.
        assertFails(() -> service.completeLogin(CORPORATE, redirect.pendingLogin(), AuthorizationResponse.of(
                redirect.pendingLogin().state(), code, contractors.issuer(), null, null)), ErrorCode.RESPONSE_ISSUER_MISMATCH);
        assertThat(corporate.tokenRequests).hasValue(0);
        assertThat(contractors.tokenRequests).hasValue(0);
    }

    // --- accounts a provider may log in ---

    @Test
    void aRestrictedProviderLogsInOnlyItsAccountsAndTheOtherCannotReachThem() {
        configuration.replace(configured(b -> {
            b.signIn().allowedUsernames("bob");
            return b;
        }));

        assertThat(logIn(CONTRACTORS, "bob", LoginOptions.none()).user().username()).isEqualTo("bob");
        assertFails(() -> logIn(CONTRACTORS, "alice", LoginOptions.none()), ErrorCode.ACCOUNT_NOT_ALLOWED_FOR_PROVIDER);
        assertFails(() -> logIn(CORPORATE, "bob", LoginOptions.none()), ErrorCode.ACCOUNT_OWNED_BY_OTHER_PROVIDER);
        assertThat(logIn(CORPORATE, "alice", LoginOptions.none()).user().username()).isEqualTo("alice");
    }

    // --- hints from the chooser's e-mail field ---

    @Test
    void theTypedAddressIsSentAsLoginHintAndDomainHintOnlyToEntraId() {
        LoginRedirect redirect = service.startLogin(CORPORATE, "/", LoginOptions.hinted("alice@example.com",
                "example.com"));
        Map<String, String> query = FakeProvider.parseForm(redirect.authorizationUri().getRawQuery());

        assertThat(query).containsEntry("login_hint", "alice@example.com").doesNotContainKey("domain_hint");
        assertThat(LoginService.isEntraId("https://login.microsoftonline.com/tenant/v2.0")).isTrue();
        assertThat(LoginService.isEntraId("https://login.microsoftonline.us/tenant/v2.0")).isTrue();
        assertThat(LoginService.isEntraId("https://login.microsoftonline.com.evil.net/tenant/v2.0")).isFalse();
        assertThat(LoginService.isEntraId(corporate.issuer())).isFalse();
    }

    // --- re-authentication (WebSudo) ---

    @Test
    void aReauthenticationAsksTheProviderToAuthenticateAgainNow() {
        LoginRedirect redirect = service.startLogin(CORPORATE, "/secure/admin/ViewApplicationProperties.jspa",
                LoginOptions.reauthentication("alice"));
        Map<String, String> query = FakeProvider.parseForm(redirect.authorizationUri().getRawQuery());

        assertThat(query).containsEntry("prompt", "login").containsEntry("max_age", "0");
        assertThat(redirect.pendingLogin().reauthenticationOf()).contains("alice");
    }

    @Test
    void aFreshAuthenticationOfTheSamePersonIsAReauthentication() {
        corporate.idTokenCustomizer = token -> token.claim("auth_time", clock.instant().getEpochSecond());

        LoginSuccess success = logIn(CORPORATE, "alice", LoginOptions.reauthentication("Alice"));

        assertThat(success.reauthentication()).isTrue();
        assertThat(success.returnPath()).isEqualTo("/secure/Dashboard.jspa?selectPageId=1");
        assertThat(logIn(CORPORATE, "alice", LoginOptions.none()).reauthentication()).isFalse();
    }

    @Test
    void aReauthenticationWithoutAuthTimeOrWithAnOldOneIsRefused() {
        assertFails(() -> logIn(CORPORATE, "alice", LoginOptions.reauthentication("alice")),
                ErrorCode.ID_TOKEN_AUTH_TIME_MISSING);

        // the provider kept its old session instead of authenticating again (beyond the clock skew)
        corporate.idTokenCustomizer = token -> token.claim("auth_time",
                clock.instant().minus(Duration.ofMinutes(10)).getEpochSecond());
        assertFails(() -> logIn(CORPORATE, "alice", LoginOptions.reauthentication("alice")),
                ErrorCode.ID_TOKEN_AUTH_TOO_OLD);
    }

    @Test
    void aReauthenticationThatComesBackAsSomeoneElseIsRefused() {
        corporate.idTokenCustomizer = token -> token.claim("auth_time", clock.instant().getEpochSecond());

        assertFails(() -> logIn(CORPORATE, "bob", LoginOptions.reauthentication("alice")),
                ErrorCode.REAUTHENTICATION_USER_MISMATCH);
    }

    @Test
    void theSealedPendingLoginKeepsTheReauthenticationAndAnOrdinaryOneReadsAsBefore() {
        PendingLoginSeal seal = PendingLoginSeal.inFolder(home);
        PendingLogin login = service.startLogin(CORPORATE, "/", LoginOptions.reauthentication("alice")).pendingLogin();
        PendingLogin ordinary = service.startLogin(CORPORATE, "/", LoginOptions.none()).pendingLogin();

        // the seal keeps whole seconds of the expiry, as it always did
        assertThat(seal.open(seal.seal(login))).usingRecursiveComparison().ignoringFields("expiresAt").isEqualTo(login);
        assertThat(seal.open(seal.seal(login)).reauthenticationOf()).contains("alice");
        assertThat(seal.open(seal.seal(ordinary)).reauthenticationOf()).isEqualTo(Optional.empty());
    }
}
