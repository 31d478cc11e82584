package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.UserLookup;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.testing.FakeProvider;
import io.lanyard.core.testing.InMemoryUsers;
import io.lanyard.core.testing.MutableClock;
import io.lanyard.core.testing.TestKeys;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole flow against a strict provider over real HTTP: every check of the callback, with its code. */
class LoginServiceTest {

    private static final String IDP = "GOxXFuPXJgiyAwuXugVG";
    private static final URI BASE = URI.create("https://jira.example.com/jira");

    private final MutableClock clock = new MutableClock(java.time.Instant.now());
    private FakeProvider provider;
    private ConfigurationHolder configuration;
    private InMemoryUsers users;
    private LoginService service;

    @BeforeEach
    void start() {
        provider = FakeProvider.start(clock);
        users = InMemoryUsers.standard();
        configuration = new ConfigurationHolder(new LanyardConfiguration(List.of(provider().build())));
        service = LoginService.create(configuration, ClientSecretResolver.fileOnly(), users, () -> BASE, clock,
                new HttpLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), 64 * 1024));
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private IdentityProviderConfigBuilder provider() {
        return IdentityProviderConfig.builder().id(IDP).displayName("Fake").discoveryUrl(provider.discoveryUrl().toString())
                .clientId(FakeProvider.CLIENT_ID)
                .clientSecret(StoredSecret.plaintext(Secret.of(FakeProvider.CLIENT_SECRET)));
    }

    private void reconfigure(UnaryOperator<IdentityProviderConfigBuilder> change) {
        configuration.replace(new LanyardConfiguration(List.of(change.apply(provider()).build())));
    }

    /** What a browser does: start, log in at the provider as {@code subject}, come back with code, state and iss. */
    private LoginSuccess logIn(String subject) {
        return logIn(subject, Map.of());
    }

    /** The same, with these claims besides the usual ones in the ID token. */
    private LoginSuccess logIn(String subject, Map<String, Object> extraClaims) {
        LoginRedirect redirect = service.startLogin(IDP, "/browse/ABC-1");
        String code = provider.authorize(redirect.authorizationUri(), subject, extraClaims);
        return service.completeLogin(IDP, redirect.pendingLogin(),
                AuthorizationResponse.of(redirect.pendingLogin().state(), code, provider.issuer(), null, null));
    }

    private void assertFails(Runnable login, ErrorCode expected) {
        assertThatThrownBy(login::run).isInstanceOf(LoginFailedException.class)
                .extracting(e -> ((LoginFailedException) e).errorCode()).isEqualTo(expected);
    }

    @Test
    void loginWhenEverythingIsRightThenMapsToHostUserAndReturnsToRequestedPage() {
        LoginSuccess success = logIn("alice");

        assertThat(success.user().username()).isEqualTo("alice");
        assertThat(success.returnPath()).isEqualTo("/browse/ABC-1");
        assertThat(success.identityProviderId()).isEqualTo(IDP);
    }

    @Test
    void startLoginSendsCodeFlowWithPkceS256StateNonceAndExactRedirectUri() {
        LoginRedirect redirect = service.startLogin(IDP, null);
        Map<String, String> query = FakeProvider.parseForm(redirect.authorizationUri().getRawQuery());

        assertThat(redirect.authorizationUri().toString()).startsWith(provider.issuer() + "/authorize?");
        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", FakeProvider.CLIENT_ID)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", BASE + LanyardPaths.callbackPath(IDP))
                .containsEntry("state", redirect.pendingLogin().state())
                .containsEntry("nonce", redirect.pendingLogin().nonce());
        assertThat(query.get("scope").split(" ")).contains("openid");
        assertThat(query.get("code_challenge")).isNotBlank().isNotEqualTo(redirect.pendingLogin().codeVerifier());
        assertThat(query).doesNotContainKey("code_verifier");
    }

    @Test
    void startLoginTwiceGivesFreshStateNonceAndVerifier() {
        PendingLogin first = service.startLogin(IDP, null).pendingLogin();
        PendingLogin second = service.startLogin(IDP, null).pendingLogin();

        assertThat(second.state()).isNotEqualTo(first.state());
        assertThat(second.nonce()).isNotEqualTo(first.nonce());
        assertThat(second.codeVerifier()).isNotEqualTo(first.codeVerifier());
    }

    @Test
    void startLoginWhenReturnUrlPointsElsewhereThenReturnsHome() {
        assertThat(service.startLogin(IDP, "https://evil.example.com/").pendingLogin().returnPath()).isEqualTo("/");
    }

    @Test
    void tokenRequestUsesClientSecretBasicByDefault() {
        logIn("alice");

        assertThat(provider.lastTokenHeaders.get("Authorization")).singleElement().asString().startsWith("Basic ");
        assertThat(provider.lastTokenForm).doesNotContainKey("client_secret");
    }

    @Test
    void tokenRequestUsesClientSecretPostWhenConfigured() {
        reconfigure(b -> b.clientAuthMethod(ClientAuthMethod.CLIENT_SECRET_POST));

        logIn("alice");

        assertThat(provider.lastTokenHeaders).doesNotContainKey("Authorization");
        assertThat(provider.lastTokenForm).containsEntry("client_secret", FakeProvider.CLIENT_SECRET);
    }

    @Test
    void completeWhenClientSecretWrongThenClientAuthenticationFailed() {
        reconfigure(b -> b.clientSecret(StoredSecret.plaintext(Secret.of("wrong-secret"))));

        assertFails(() -> logIn("alice"), ErrorCode.CLIENT_AUTHENTICATION_FAILED);
    }

    @Test
    void startWhenNoClientSecretThenConfigurationErrorBeforeAnyRedirect() {
        reconfigure(b -> b.clientSecret(StoredSecret.none()));

        assertFails(() -> service.startLogin(IDP, null), ErrorCode.CLIENT_SECRET_MISSING);
        assertThat(provider.discoveryRequests).hasValue(0);
    }

    @Test
    void completeTheSameLoginTwiceThenTheReplayIsRefusedBeforeTheProviderIsAsked() {
        LoginRedirect redirect = service.startLogin(IDP, "/");
        String code = provider.authorize(redirect.authorizationUri(), "alice", Map.of());
        AuthorizationResponse response = AuthorizationResponse.of(redirect.pendingLogin().state(), code,
                provider.issuer(), null, null);
        service.completeLogin(IDP, redirect.pendingLogin(), response);
        int tokenRequests = provider.tokenRequests.get();

        // the browser kept a copy of its sealed login and brings it back with the same callback
        assertFails(() -> service.completeLogin(IDP, redirect.pendingLogin(), response), ErrorCode.STATE_UNKNOWN);
        assertThat(provider.tokenRequests).hasValue(tokenRequests);
    }

    @Test
    void startWhenIdpUnknownThenRefused() {
        assertFails(() -> service.startLogin("NoSuchIdp", null), ErrorCode.IDP_UNKNOWN);
    }

    @Test
    void startWhenIdpIsNotAnIdThenRefusedWithoutEchoingTheValue() {
        String hostile = "x\u0085WARN forged\u2028<script>";

        assertThatThrownBy(() -> service.startLogin(hostile, null)).isInstanceOfSatisfying(LoginFailedException.class,
                e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.IDP_UNKNOWN);
                    assertThat(e.getMessage()).doesNotContain("forged").doesNotContain("script");
                });
    }

    @Test
    void callbackWhenIdpUnknownOrDisabledThenRefusedWithoutTouchingTheProvider() {
        service.checkCallbackProvider(IDP);
        assertFails(() -> service.checkCallbackProvider("NoSuchIdp"), ErrorCode.IDP_UNKNOWN);
        assertFails(() -> service.checkCallbackProvider(""), ErrorCode.IDP_UNKNOWN);
        reconfigure(b -> b.enabled(false));

        assertFails(() -> service.checkCallbackProvider(IDP), ErrorCode.IDP_DISABLED);
        assertThat(provider.discoveryRequests).hasValue(0);
    }

    @Test
    void startWhenIdpDisabledThenRefused() {
        reconfigure(b -> b.enabled(false));

        assertFails(() -> service.startLogin(IDP, null), ErrorCode.IDP_DISABLED);
    }

    @Test
    void startWhenDiscoveryIssuerDiffersThenRefusedBeforeAnyRedirect() {
        provider.discoveryCustomizer = doc -> withEntry(doc, "issuer", provider.issuer() + "/");

        assertFails(() -> service.startLogin(IDP, null), ErrorCode.DISCOVERY_ISSUER_MISMATCH);
    }

    @Test
    void completeWhenCallbackOfAnotherIdpThenMixUpRefused() {
        LoginRedirect redirect = service.startLogin(IDP, null);

        assertFails(() -> service.completeLogin("OtherIdp", redirect.pendingLogin(),
                AuthorizationResponse.of(redirect.pendingLogin().state(), "code", null, null, null)),
                ErrorCode.CALLBACK_IDP_MISMATCH);
    }

    @Test
    void completeWhenStateMissingThenRefused() {
        LoginRedirect redirect = service.startLogin(IDP, null);

        assertFails(() -> service.completeLogin(IDP, redirect.pendingLogin(),
                AuthorizationResponse.of(null, "code", provider.issuer(), null, null)), ErrorCode.STATE_MISSING);
    }

    @Test
    void completeWhenStateOfAnotherLoginThenRefused() {
        LoginRedirect redirect = service.startLogin(IDP, null);
        String otherState = service.startLogin(IDP, null).pendingLogin().state();

        assertFails(() -> service.completeLogin(IDP, redirect.pendingLogin(),
                AuthorizationResponse.of(otherState, "code", provider.issuer(), null, null)), ErrorCode.STATE_UNKNOWN);
    }

    @Test
    void completeWhenLoginOlderThanTimeoutThenExpired() {
        LoginRedirect redirect = service.startLogin(IDP, null);
        String code = provider.authorize(redirect.authorizationUri(), "alice", Map.of());
        clock.advance(LoginService.LOGIN_TIMEOUT.plusSeconds(1));

        assertFails(() -> service.completeLogin(IDP, redirect.pendingLogin(),
                AuthorizationResponse.of(redirect.pendingLogin().state(), code, provider.issuer(), null, null)),
                ErrorCode.LOGIN_EXPIRED);
        assertThat(provider.tokenRequests).hasValue(0);
    }

    @Test
    void completeWhenResponseIssuerDiffersThenMixUpRefusedBeforeTokenRequest() {
        LoginRedirect redirect = service.startLogin(IDP, null);
        String code = provider.authorize(redirect.authorizationUri(), "alice", Map.of());

        assertFails(() -> service.completeLogin(IDP, redirect.pendingLogin(),
                AuthorizationResponse.of(redirect.pendingLogin().state(), code, "https://attacker.example", null, null)),
                ErrorCode.RESPONSE_ISSUER_MISMATCH);
        assertThat(provider.tokenRequests).hasValue(0);
    }

    @Test
    void completeWhenIssuerParameterAnnouncedButMissingThenRefused() {
        provider.discoveryCustomizer = doc -> withEntry(doc, "authorization_response_iss_parameter_supported", true);
        LoginRedirect redirect = service.startLogin(IDP, null);
        String code = provider.authorize(redirect.authorizationUri(), "alice", Map.of());

        assertFails(() -> service.completeLogin(IDP, redirect.pendingLogin(),
                AuthorizationResponse.of(redirect.pendingLogin().state(), code, null, null, null)),
                ErrorCode.RESPONSE_ISSUER_MISSING);
    }

    @Test
    void completeWhenIssuerParameterNotAnnouncedAndMissingThenAccepted() {
        LoginRedirect redirect = service.startLogin(IDP, null);
        String code = provider.authorize(redirect.authorizationUri(), "alice", Map.of());

        assertThat(service.completeLogin(IDP, redirect.pendingLogin(),
                AuthorizationResponse.of(redirect.pendingLogin().state(), code, null, null, null)).user().username())
                .isEqualTo("alice");
    }

    @Test
    void completeWhenProviderAnsweredErrorThenShowsItsCodeAndFollowsNothing() {
        LoginRedirect redirect = service.startLogin(IDP, null);

        assertThatThrownBy(() -> service.completeLogin(IDP, redirect.pendingLogin(), AuthorizationResponse.of(
                redirect.pendingLogin().state(), null, provider.issuer(), "access_denied", "The user said no")))
                .isInstanceOfSatisfying(LoginFailedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.IDP_ERROR_RESPONSE);
                    assertThat(e.providerError()).contains("access_denied");
                });
    }

    @Test
    void completeWhenProviderErrorCodeHasMarkupThenItIsNotPassedOn() {
        LoginRedirect redirect = service.startLogin(IDP, null);

        assertThatThrownBy(() -> service.completeLogin(IDP, redirect.pendingLogin(), AuthorizationResponse.of(
                redirect.pendingLogin().state(), null, provider.issuer(), "<script>alert(1)</script>\"", null)))
                .isInstanceOfSatisfying(LoginFailedException.class, e -> assertThat(e.providerError()).isEmpty());
    }

    @Test
    void completeWhenCodeMissingThenRefused() {
        LoginRedirect redirect = service.startLogin(IDP, null);

        assertFails(() -> service.completeLogin(IDP, redirect.pendingLogin(),
                AuthorizationResponse.of(redirect.pendingLogin().state(), null, provider.issuer(), null, null)),
                ErrorCode.AUTHORIZATION_CODE_MISSING);
    }

    @Test
    void completeWhenCodeReplayedOnAnotherNodeThenProviderRefusesIt() {
        LoginRedirect redirect = service.startLogin(IDP, null);
        String code = provider.authorize(redirect.authorizationUri(), "alice", Map.of());
        AuthorizationResponse response = AuthorizationResponse.of(redirect.pendingLogin().state(), code, provider.issuer(), null, null);
        service.completeLogin(IDP, redirect.pendingLogin(), response);
        // another node remembers no state of this node's (until the cluster-wide cache): the provider's code is used once
        LoginService otherNode = LoginService.create(configuration, ClientSecretResolver.fileOnly(), users, () -> BASE,
                clock, new HttpLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), 64 * 1024));

        assertThatThrownBy(() -> otherNode.completeLogin(IDP, redirect.pendingLogin(), response))
                .isInstanceOfSatisfying(LoginFailedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.TOKEN_REQUEST_REJECTED);
                    assertThat(e.providerError()).contains("invalid_grant");
                });
    }

    @Test
    void completeWhenPkceVerifierDoesNotMatchThenProviderRefusesTheCode() {
        LoginRedirect redirect = service.startLogin(IDP, null);
        String code = provider.authorize(redirect.authorizationUri(), "alice", Map.of());
        PendingLogin other = service.startLogin(IDP, null).pendingLogin();
        PendingLogin wrongVerifier = new PendingLogin(IDP, other.expectedIssuer(), redirect.pendingLogin().state(),
                redirect.pendingLogin().nonce(), other.codeVerifier(), other.redirectUri(), "/", other.expiresAt());

        assertFails(() -> service.completeLogin(IDP, wrongVerifier,
                AuthorizationResponse.of(wrongVerifier.state(), code, provider.issuer(), null, null)),
                ErrorCode.TOKEN_REQUEST_REJECTED);
    }

    @Test
    void completeWhenTokenResponseHasNoIdTokenThenRefused() {
        provider.omitIdToken = true;

        assertFails(() -> logIn("alice"), ErrorCode.ID_TOKEN_MISSING);
    }

    @Test
    void completeWhenTokenResponseIsNotJsonThenRefused() {
        provider.tokenStatusOverride = 200;
        provider.tokenBodyOverride = "<html>maintenance</html>";

        assertFails(() -> logIn("alice"), ErrorCode.TOKEN_RESPONSE_INVALID);
    }

    @Test
    void completeWhenIdTokenNonceIsNotThisLoginsThenRefused() {
        provider.idTokenCustomizer = token -> token.claim("nonce", "some-other-login");

        assertFails(() -> logIn("alice"), ErrorCode.ID_TOKEN_NONCE_MISMATCH);
    }

    @Test
    void completeWhenIdTokenSignedWithEs256AndAllowedThenAccepted() {
        provider.keys = List.of(TestKeys.EC);
        provider.signingAlgorithm = JWSAlgorithm.ES256;
        reconfigure(b -> b.allowedAlgorithms(List.of("RS256", "ES256")));

        assertThat(logIn("alice").user().username()).isEqualTo("alice");
    }

    @Test
    void completeWhenSigningKeyRotatedThenKeysRefetchedOnceAndLoginWorks() {
        logIn("alice");
        provider.keys = List.of(TestKeys.OTHER_RSA, TestKeys.RSA);
        clock.advance(Duration.ofMinutes(1)); // keys are not refetched twice within JwksSource.MIN_FETCH_INTERVAL

        logIn("bob");
        logIn("alice");

        assertThat(provider.jwksRequests).hasValue(2);
    }

    @Test
    void completeWhenUserUnknownThenUserNotFound() {
        assertFails(() -> logIn("mallory"), ErrorCode.USER_NOT_FOUND);
    }

    /** The audit trail's "why can't mallory log in?": the failure names the username the claims mapped to. */
    @Test
    void aFailureAfterTheIdTokenWasValidatedNamesWhomTheLoginWasFor() {
        assertThatThrownBy(() -> logIn("mallory")).isInstanceOf(LoginFailedException.class)
                .satisfies(e -> assertThat(((LoginFailedException) e).attemptedUser()).contains("mallory"));
    }

    @Test
    void completeWhenUserInactiveThenRefused() {
        assertFails(() -> logIn("carol"), ErrorCode.USER_INACTIVE);
    }

    @Test
    void completeWhenLookupByEmailConfiguredThenFindsUserByVerifiedEmail() {
        users.with(new HostUser("dave.d", "Dave", "dave@example.com", true));
        reconfigure(b -> b.userLookup(UserLookup.USERNAME_THEN_EMAIL));

        assertThat(logIn("dave", Map.of("email_verified", true)).user().username()).isEqualTo("dave.d");
    }

    @Test
    void completeWhenLookupByEmailAndEmailVerifiedAbsentThenNoAccountByEmail() {
        // Entra ID and AD FS never send email_verified, and Entra's email is set by users: not proof of the address
        users.with(new HostUser("dave.d", "Dave", "dave@example.com", true));
        reconfigure(b -> b.userLookup(UserLookup.USERNAME_THEN_EMAIL));

        assertFails(() -> logIn("dave"), ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void completeWhenUnverifiedEmailTrustedForThisProviderThenAnAbsentEmailVerifiedFindsTheUserButAFalseOneNever() {
        users.with(new HostUser("dave.d", "Dave", "dave@example.com", true));
        reconfigure(b -> b.userLookup(UserLookup.USERNAME_THEN_EMAIL).trustUnverifiedEmail(true));

        assertThat(logIn("dave").user().username()).isEqualTo("dave.d");
        assertFails(() -> logIn("dave", Map.of("email_verified", false)), ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void completeWhenUserInfoConfiguredThenItsClaimsMapTheUser() {
        reconfigure(b -> b.useUserInfo(true).usernameClaim("login"));
        provider.userInfoClaims = Map.of("login", "bob");

        assertThat(logIn("someone").user().username()).isEqualTo("bob");
        assertThat(provider.userInfoRequests).hasValue(1);
    }

    @Test
    void completeCarriesTheValidatedIdTokenClaimsIncludingGroups() {
        LoginRedirect redirect = service.startLogin(IDP, "/");
        String code = provider.authorize(redirect.authorizationUri(), "alice",
                Map.of("groups", List.of("jira-users", "jira-administrators")));

        LoginSuccess success = service.completeLogin(IDP, redirect.pendingLogin(),
                AuthorizationResponse.of(redirect.pendingLogin().state(), code, provider.issuer(), null, null));

        assertThat(success.claims()).containsEntry("sub", "alice").containsEntry("iss", provider.issuer())
                .containsEntry("groups", List.of("jira-users", "jira-administrators"));
    }

    @Test
    void completeWhenUserInfoConfiguredThenItsClaimsAreAmongTheLoginsClaims() {
        reconfigure(b -> b.useUserInfo(true).usernameClaim("login"));
        provider.userInfoClaims = Map.of("login", "bob", "department", "R&D");

        assertThat(logIn("someone").claims()).containsEntry("login", "bob").containsEntry("department", "R&D")
                .containsEntry("sub", "someone");
    }

    @Test
    void completeWhenUserInfoSubjectDiffersThenRefused() {
        reconfigure(b -> b.useUserInfo(true));
        provider.userInfoClaims = Map.of("sub", "somebody-else");

        assertFails(() -> logIn("alice"), ErrorCode.USERINFO_SUBJECT_MISMATCH);
    }

    @Test
    void completeWhenUserInfoRefusesTheTokenThenUserInfoRejected() {
        reconfigure(b -> b.useUserInfo(true));
        provider.userInfoStatus = 401;

        assertFails(() -> logIn("alice"), ErrorCode.USERINFO_REJECTED);
    }

    @Test
    void completeWhenConfigurationChangedDuringLoginThenNewConfigurationApplies() {
        LoginRedirect redirect = service.startLogin(IDP, null);
        String code = provider.authorize(redirect.authorizationUri(), "alice", Map.of());
        reconfigure(b -> b.enabled(false));

        assertFails(() -> service.completeLogin(IDP, redirect.pendingLogin(),
                AuthorizationResponse.of(redirect.pendingLogin().state(), code, provider.issuer(), null, null)),
                ErrorCode.IDP_DISABLED);
    }

    @Test
    void loginWhenProviderMetadataFetchedOnceThenReusedAcrossLogins() {
        logIn("alice");
        logIn("bob");

        assertThat(provider.discoveryRequests).hasValue(1);
        assertThat(provider.jwksRequests).hasValue(1);
    }

    private static Map<String, Object> withEntry(Map<String, Object> document, String key, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(document);
        copy.put(key, value);
        return copy;
    }
}
