package io.lanyard.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.config.TokenIssuerConfig;
import io.lanyard.core.keys.JwksSource;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.interop.harness.Browser;
import io.lanyard.interop.harness.FreePort;
import io.lanyard.interop.harness.JsonHttp;
import io.lanyard.interop.harness.LanyardSandbox;
import io.lanyard.interop.harness.ProviderEndpoints;
import io.lanyard.interop.harness.ProviderProxy;
import io.lanyard.interop.harness.ProviderProxy.CallbackRedirect;
import io.lanyard.interop.harness.ProviderProxy.IssuedIdToken;
import io.lanyard.interop.harness.ProviderProxy.Seen;
import io.lanyard.interop.harness.ProviderUnderTest;
import io.lanyard.interop.harness.RegisteredClient;
import io.lanyard.interop.harness.TestAccount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Lanyard must do with any OpenID provider, proven end to end against one provider that nobody on this team
 * wrote: a person logs in at the provider in headless Chromium, into the sandbox, which was configured the way an
 * administrator configures Lanyard ({@code provider.xml}). With Keycloak the login page is Keycloak's own; with
 * oidc-provider it is the minimal form {@code provider.mjs} renders (oidc-provider's protocol side, discovery, keys,
 * authorization and token endpoints, ID tokens, is the real one). Each subclass starts its provider once for the
 * whole class and stops it afterwards.
 *
 * <p>Everything between the sandbox (and the browser) and the provider passes a {@link ProviderProxy} that counts
 * requests, makes the provider unreachable, or tampers with the front channel where a test says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InteropContract {

    private static final Path WORK = Path.of(System.getProperty("interop.work", "target/interop-work"));
    private static final Path SCREENSHOTS = Path.of(System.getProperty("interop.screenshots", "target/screenshots"));
    private static final TestAccount ALICE = TestAccount.ALICE;
    private static final TestAccount BOB = TestAccount.BOB;

    protected ProviderUnderTest provider;
    protected ProviderProxy proxy;
    protected ProviderEndpoints endpoints;
    private int sandboxPort;
    private Path homes;

    /**
     * @param work        a folder for the provider's files and log
     * @param sandboxPort the port every sandbox of this class listens on (the redirect URIs registered name it)
     */
    protected abstract ProviderUnderTest startProvider(Path work, int sandboxPort) throws Exception;

    @BeforeAll
    void startTheProvider() throws Exception {
        sandboxPort = FreePort.pick();
        Path work = Files.createDirectories(WORK.resolve(getClass().getSimpleName()));
        homes = Files.createDirectories(work.resolve("sandbox-homes"));
        provider = startProvider(work, sandboxPort);
        proxy = provider.proxy();
        endpoints = ProviderEndpoints.of(provider.discoveryUrl(), provider.metadata());
    }

    @AfterAll
    void stopTheProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @AfterEach
    void proxyForwardsEverythingUnchangedAgain() {
        if (proxy != null) {
            proxy.behave();
        }
    }

    // --- 1. A person's login lands on the page they first asked for ---------------------------------------------

    @Test
    void aPersonLogsInAtTheProvidersOwnLoginPageAndLandsOnThePageTheyFirstAskedFor() throws Exception {
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig()); Browser browser = browser("1-deep-link")) {
            browser.open(sandbox.at("/pages/projects?x=1"));
            browser.awaitLoginPage(provider);
            browser.screenshot("provider-login-page");
            assertThat(browser.url().toString()).startsWith(provider.issuer().getScheme() + "://"
                    + provider.issuer().getAuthority());

            browser.submitLogin(provider, ALICE);
            browser.awaitBackAt(sandbox);
            browser.screenshot("landed");

            assertThat(browser.errorCode()).as("Lanyard error code").isEmpty();
            assertThat(browser.url()).isEqualTo(sandbox.at("/pages/projects?x=1"));
            assertThat(browser.text()).contains("Logged in as alice");
            assertThat(browser.json(sandbox.at("/rest/sandbox/1/whoami"))).containsEntry("username", "alice");
        }
    }

    // --- 2. Client authentication --------------------------------------------------------------------------------

    @ParameterizedTest // the secret methods; private_key_jwt has its own tests (KeycloakInteropIT)
    @EnumSource(value = ClientAuthMethod.class, names = {"CLIENT_SECRET_BASIC", "CLIENT_SECRET_POST"})
    void eachClientAuthenticationMethodIsAcceptedAtTheTokenEndpoint(ClientAuthMethod method) throws Exception {
        RegisteredClient client = provider.client("RS256", method);
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig(client, method));
                Browser browser = browser("2-" + slug(method))) {
            int mark = proxy.mark();

            logIn(browser, sandbox, "/pages/auth-method", ALICE);

            assertLoggedIn(browser, sandbox, "/pages/auth-method", ALICE);
            assertThat(requests(mark, "POST", endpoints.token())).singleElement().satisfies(token -> {
                assertThat(token.status()).isEqualTo(200);
                assertThat(token.formParameters()).contains("grant_type", "code", "redirect_uri", "code_verifier");
                if (method == ClientAuthMethod.CLIENT_SECRET_BASIC) {
                    assertThat(token.authorizationScheme()).isEqualTo("Basic");
                    assertThat(token.formParameters()).doesNotContain("client_secret");
                } else {
                    assertThat(token.authorizationScheme()).isEmpty();
                    assertThat(token.formParameters()).contains("client_id", "client_secret");
                }
            });
        }
    }

    @ParameterizedTest // the secret methods; private_key_jwt has its own tests (KeycloakInteropIT)
    @EnumSource(value = ClientAuthMethod.class, names = {"CLIENT_SECRET_BASIC", "CLIENT_SECRET_POST"})
    void aWrongClientSecretShowsLanyardsClientAuthenticationErrorNotAStackTrace(ClientAuthMethod method) throws Exception {
        RegisteredClient client = provider.client("RS256", method);
        IdentityProviderConfigBuilder wrongSecret = provider.lanyardConfig(client, method)
                .clientSecret(StoredSecret.plaintext(Secret.of("not-the-secret-of-" + client.clientId())));
        try (LanyardSandbox sandbox = sandbox(wrongSecret); Browser browser = browser("2-wrong-secret-" + slug(method))) {
            int mark = proxy.mark();

            logIn(browser, sandbox, "/pages/wrong-secret", ALICE);
            browser.screenshot("error-page");

            assertThat(browser.errorCode()).isEqualTo("LNY-302");
            assertThat(browser.source()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("io.lanyard.");
            assertThat(requests(mark, "POST", endpoints.token())).singleElement()
                    .satisfies(token -> assertThat(token.status()).isIn(400, 401));
            assertThat(browser.json(sandbox.at("/rest/sandbox/1/whoami"))).containsEntry("error", "not logged in");
        }
    }

    // --- 3. RFC 9207 iss, and PKCE enforced by the provider ------------------------------------------------------

    @Test
    void theProviderSendsIssInItsAuthorizationResponseAndLanyardAcceptsIt() throws Exception {
        assertThat(provider.metadata()).containsEntry("authorization_response_iss_parameter_supported", true);
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig()); Browser browser = browser("3-iss")) {
            int mark = proxy.mark();

            logIn(browser, sandbox, "/pages/iss", ALICE);

            assertLoggedIn(browser, sandbox, "/pages/iss", ALICE);
            assertThat(callbackRedirects(mark)).singleElement().satisfies(response -> {
                assertThat(response.issuer()).contains(provider.issuer().toString());
                assertThat(response.hasCode()).isTrue();
            });
        }
    }

    @Test
    void anAuthorizationResponseWithATamperedIssIsRefusedAsIssuerMismatch() throws Exception {
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig()); Browser browser = browser("3-tampered-iss")) {
            proxy.tamperWithResponseIssuer(Optional.of("http://127.0.0.1:9/not-the-issuer"));
            int mark = proxy.mark();

            logIn(browser, sandbox, "/pages/tampered", ALICE);
            browser.screenshot("error-page");

            assertThat(browser.errorCode()).isEqualTo("LNY-404");
            assertThat(callbackRedirects(mark)).singleElement()
                    .satisfies(response -> assertThat(response.issuer()).contains(provider.issuer().toString()));
            assertThat(requests(mark, "POST", endpoints.token())).as("refused before the code was exchanged").isEmpty();
            assertThat(browser.json(sandbox.at("/rest/sandbox/1/whoami"))).containsEntry("error", "not logged in");
        }
    }

    @Test
    void anAuthorizationResponseWithoutIssIsRefusedBecauseTheProviderAnnouncesIt() throws Exception {
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig()); Browser browser = browser("3-missing-iss")) {
            proxy.tamperWithResponseIssuer(Optional.empty());
            int mark = proxy.mark();

            logIn(browser, sandbox, "/pages/no-iss", ALICE);

            assertThat(browser.errorCode()).isEqualTo("LNY-405");
            assertThat(requests(mark, "POST", endpoints.token())).isEmpty();
        }
    }

    @Test
    void lanyardSendsAnS256ChallengeAndTheProviderRefusesAnAuthorizationRequestWithoutOne() throws Exception {
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig())) {
            int mark = proxy.mark();
            try (Browser browser = browser("3-pkce")) {
                logIn(browser, sandbox, "/pages/pkce", ALICE);
                assertLoggedIn(browser, sandbox, "/pages/pkce", ALICE);
            }
            assertThat(requests(mark, "GET", endpoints.authorization())).first().satisfies(authorization -> {
                assertThat(authorization.visibleParameters()).containsEntry("code_challenge_method", "S256")
                        .containsEntry("response_type", "code");
                assertThat(authorization.queryParameters()).contains("code_challenge", "state", "nonce");
            });
            assertThat(requests(mark, "POST", endpoints.token())).singleElement()
                    .satisfies(token -> assertThat(token.formParameters()).contains("code_verifier"));

            proxy.dropAuthorizationParameters(endpoints.authorization(), Set.of("code_challenge", "code_challenge_method"));
            int withoutPkce = proxy.mark();
            try (Browser browser = browser("3-pkce-stripped")) {
                browser.open(sandbox.at("/pages/pkce-stripped"));
                browser.awaitBackAt(sandbox);
                browser.screenshot("provider-refused");

                assertThat(browser.errorCode()).isEqualTo("LNY-300");
                assertThat(browser.providerError()).isEqualTo("invalid_request");
            }
            assertThat(callbackRedirects(withoutPkce)).singleElement().satisfies(response -> {
                assertThat(response.error()).contains("invalid_request");
                assertThat(response.hasCode()).isFalse();
            });
        }
    }

    // --- 4. Signing algorithms -----------------------------------------------------------------------------------

    Stream<String> signingAlgorithms() {
        return provider.signingAlgorithms().stream();
    }

    @ParameterizedTest
    @MethodSource("signingAlgorithms")
    void anIdTokenSignedWithTheAlgorithmConfiguredAtBothEndsIsAccepted(String algorithm) throws Exception {
        assertThat(provider.metadata().get("id_token_signing_alg_values_supported")).asList().contains(algorithm);
        RegisteredClient client = provider.client(algorithm, ClientAuthMethod.CLIENT_SECRET_BASIC);
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig(client, ClientAuthMethod.CLIENT_SECRET_BASIC)
                        .allowedAlgorithms(List.of(algorithm)));
                Browser browser = browser("4-" + algorithm)) {
            int mark = proxy.mark();

            logIn(browser, sandbox, "/pages/" + algorithm, BOB);

            assertLoggedIn(browser, sandbox, "/pages/" + algorithm, BOB);
            assertThat(idTokens(mark)).singleElement().satisfies(token -> assertThat(token.algorithm()).isEqualTo(algorithm));
        }
    }

    @Test
    void anIdTokenSignedWithAnAlgorithmLanyardDoesNotAllowIsRefused() throws Exception {
        RegisteredClient es256 = provider.client("ES256", ClientAuthMethod.CLIENT_SECRET_BASIC);
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig(es256, ClientAuthMethod.CLIENT_SECRET_BASIC)
                        .allowedAlgorithms(List.of("RS256")));
                Browser browser = browser("4-not-allowed")) {
            int mark = proxy.mark();

            logIn(browser, sandbox, "/pages/not-allowed", BOB);

            assertThat(browser.errorCode()).isEqualTo("LNY-413");
            assertThat(idTokens(mark)).singleElement().satisfies(token -> assertThat(token.algorithm()).isEqualTo("ES256"));
        }
    }

    // --- 5. Signing-key rotation while the sandbox keeps running -------------------------------------------------

    @Test
    void afterTheProviderRotatesItsSigningKeysTheNextLoginWorksAndTheKeysAreFetchedOnceNotPerLogin() throws Exception {
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig())) {
            int beforeRotation = proxy.mark();
            try (Browser browser = browser("5-before-rotation")) {
                logIn(browser, sandbox, "/pages/before-rotation", ALICE);
                assertLoggedIn(browser, sandbox, "/pages/before-rotation", ALICE);
            }
            List<Seen> firstFetches = requests(beforeRotation, "GET", endpoints.jwks());
            assertThat(firstFetches).as("key set fetches for the first login").hasSize(1);
            String oldKeyId = idTokens(beforeRotation).get(0).keyId();

            List<String> published = provider.rotateSigningKeys();
            assertThat(published).contains(oldKeyId).hasSizeGreaterThan(1);

            // Lanyard fetches keys again for an unknown key id at most once per MIN_FETCH_INTERVAL (a flood of bogus
            // key ids must not hammer the provider). That interval is measured on the clock: nothing to poll.
            awaitClock(firstFetches.get(0).at().plus(JwksSource.MIN_FETCH_INTERVAL).plusMillis(500));

            int afterRotation = proxy.mark();
            try (Browser browser = browser("5-after-rotation")) {
                logIn(browser, sandbox, "/pages/after-rotation", BOB);
                browser.screenshot("landed");
                assertLoggedIn(browser, sandbox, "/pages/after-rotation", BOB);
            }
            String newKeyId = idTokens(afterRotation).get(0).keyId();
            assertThat(newKeyId).as("the provider signs with its new key").isNotEqualTo(oldKeyId).isIn(published);
            assertThat(requests(afterRotation, "GET", endpoints.jwks())).as("key set fetches for the new key").hasSize(1);

            int later = proxy.mark();
            try (Browser browser = browser("5-later")) {
                logIn(browser, sandbox, "/pages/later", ALICE);
                assertLoggedIn(browser, sandbox, "/pages/later", ALICE);
            }
            assertThat(idTokens(later)).singleElement().satisfies(token -> assertThat(token.keyId()).isEqualTo(newKeyId));
            assertThat(requests(later, "GET", endpoints.jwks())).as("key set fetches for a known key").isEmpty();
        }
    }

    // --- 6. The provider briefly unreachable ---------------------------------------------------------------------

    @Test
    void whileTheProviderIsUnreachableALoginThatNeedsItFailsNamingTheTokenEndpointAndWorksOnceItIsBack() throws Exception {
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig())) {
            try (Browser browser = browser("6-before-outage")) {
                logIn(browser, sandbox, "/pages/before-outage", ALICE);
                assertLoggedIn(browser, sandbox, "/pages/before-outage", ALICE);
            }

            // Unreachable from the sandbox's server; the person's browser still reaches the login page.
            proxy.refuse(endpoints::isBackChannel);
            int outage = proxy.mark();
            try (Browser browser = browser("6-outage")) {
                logIn(browser, sandbox, "/pages/during-outage", BOB);
                browser.screenshot("error-page");

                assertThat(browser.errorCode()).isEqualTo("LNY-205");
                assertThat(browser.text()).contains("did not answer");
            }
            assertThat(proxy.since(outage)).filteredOn(Seen::refused).extracting(Seen::path).containsOnly(endpoints.token());
            assertThat(requests(outage, "GET", endpoints.discovery())).as("metadata came from the cache").isEmpty();

            proxy.behave();
            try (Browser browser = browser("6-after-outage")) {
                logIn(browser, sandbox, "/pages/after-outage", BOB);
                assertLoggedIn(browser, sandbox, "/pages/after-outage", BOB);
            }
        }
    }

    @Test
    void whileItsKeysAndMetadataAreUnreachableTheCachedOnesKeepValidatingLogins() throws Exception {
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig())) {
            try (Browser browser = browser("6-cache-warm")) {
                logIn(browser, sandbox, "/pages/warm", ALICE);
                assertLoggedIn(browser, sandbox, "/pages/warm", ALICE);
            }

            proxy.refuse(path -> path.equals(endpoints.discovery()) || path.equals(endpoints.jwks()));
            assertThat(JsonHttp.answers200(URI.create(proxy.url() + endpoints.jwks()))).as("keys reachable").isFalse();
            int outage = proxy.mark();
            try (Browser browser = browser("6-cached")) {
                logIn(browser, sandbox, "/pages/cached", BOB);
                assertLoggedIn(browser, sandbox, "/pages/cached", BOB);
            }
            assertThat(proxy.since(outage)).noneMatch(Seen::refused);
            assertThat(idTokens(outage)).as("a token was issued and validated with the cached key").hasSize(1);
        }
    }

    @Test
    void aSandboxStartedWhileTheProviderIsDownShowsDiscoveryUnreachableAndLogsInOnceItIsBackWithoutARestart()
            throws Exception {
        proxy.refuse(path -> true);
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig())) {
            try (Browser browser = browser("6-provider-down")) {
                browser.open(sandbox.at("/pages/down"));
                browser.awaitBackAt(sandbox);
                browser.screenshot("error-page");

                assertThat(browser.errorCode()).isEqualTo("LNY-200");
                assertThat(browser.text()).contains("cannot be reached");
            }

            proxy.behave();
            // Lanyard tries the metadata again at most every few seconds: poll until a login starts again.
            awaitLoginStartRedirectsToProvider(sandbox);
            try (Browser browser = browser("6-provider-back")) {
                logIn(browser, sandbox, "/pages/back", ALICE);
                assertLoggedIn(browser, sandbox, "/pages/back", ALICE);
            }
        }
    }

    // --- 7. Userinfo and group claims ----------------------------------------------------------------------------

    @Test
    void withUseUserInfoTheUsernameComesFromAClaimOnlyTheUserinfoEndpointReturns() throws Exception {
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig().usernameClaim("host_username").useUserInfo(true));
                Browser browser = browser("7-userinfo")) {
            int mark = proxy.mark();

            logIn(browser, sandbox, "/pages/userinfo", ALICE);

            assertLoggedIn(browser, sandbox, "/pages/userinfo", ALICE);
            assertThat(requests(mark, "GET", endpoints.userinfo()))
                    .singleElement().satisfies(userinfo -> assertThat(userinfo.authorizationScheme()).isEqualTo("Bearer"));
            assertThat(browser.json(sandbox.at("/rest/sandbox/1/claims"))).containsEntry("host_username", "alice");
        }
    }

    @Test
    void withoutUseUserInfoAClaimOnlyUserinfoReturnsIsMissingAndLanyardSaysSo() throws Exception {
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig().usernameClaim("host_username"));
                Browser browser = browser("7-no-userinfo")) {
            int mark = proxy.mark();

            logIn(browser, sandbox, "/pages/no-userinfo", ALICE);

            assertThat(browser.errorCode()).isEqualTo("LNY-500");
            assertThat(requests(mark, "GET", endpoints.userinfo())).isEmpty();
        }
    }

    @Test
    void groupClaimsOfTheIdTokenArePresentInTheValidatedClaims() throws Exception {
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig())) {
            int mark = proxy.mark();
            for (TestAccount account : List.of(ALICE, BOB)) {
                try (Browser browser = browser("7-groups-" + account.username())) {
                    logIn(browser, sandbox, "/pages/groups", account);
                    assertLoggedIn(browser, sandbox, "/pages/groups", account);

                    Map<String, Object> claims = browser.json(sandbox.at("/rest/sandbox/1/claims"));

                    assertThat(claims).containsEntry("iss", provider.issuer().toString());
                    assertThat(claims.get("groups")).as("groups of " + account).asList()
                            .containsExactlyInAnyOrderElementsOf(account.groups());
                }
            }
            assertThat(requests(mark, "GET", endpoints.userinfo())).as("no userinfo: the groups came in the ID token").isEmpty();
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    protected LanyardSandbox sandbox(IdentityProviderConfigBuilder config) throws IOException {
        return sandbox(config, List.of());
    }

    /** A sandbox with API access: these token issuers in its {@code token-issuer.xml}. */
    protected LanyardSandbox sandbox(IdentityProviderConfigBuilder config, List<TokenIssuerConfig> tokenIssuers)
            throws IOException {
        return LanyardSandbox.start(Files.createTempDirectory(homes, "home"), sandboxPort, config.build(),
                tokenIssuers);
    }

    protected Browser browser(String name) {
        return new Browser(SCREENSHOTS, provider.slug() + "-" + name);
    }

    /** A person's whole login: opens {@code path}, logs in at the provider's page, ends back at the sandbox. */
    protected void logIn(Browser browser, LanyardSandbox sandbox, String path, TestAccount account) {
        browser.open(sandbox.at(path));
        browser.awaitLoginPage(provider);
        browser.submitLogin(provider, account);
        browser.awaitBackAt(sandbox);
    }

    protected static void assertLoggedIn(Browser browser, LanyardSandbox sandbox, String path, TestAccount account) {
        assertThat(browser.errorCode()).as("Lanyard error code").isEmpty();
        assertThat(browser.url()).isEqualTo(sandbox.at(path));
        assertThat(browser.text()).contains("Logged in as " + account.username());
    }

    protected List<Seen> requests(int mark, String method, String path) {
        return proxy.since(mark).stream().filter(seen -> seen.is(method, path) && !seen.refused()).toList();
    }

    private List<CallbackRedirect> callbackRedirects(int mark) {
        return proxy.since(mark).stream().flatMap(seen -> seen.callbackRedirect().stream()).toList();
    }

    private List<IssuedIdToken> idTokens(int mark) {
        return proxy.since(mark).stream().flatMap(seen -> seen.idToken().stream()).toList();
    }

    private static String slug(ClientAuthMethod method) {
        return method.name().toLowerCase().replace('_', '-');
    }

    private static void awaitClock(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /** Polls the sandbox's login start (over plain HTTP, without a session) until it sends a browser to the provider. */
    private void awaitLoginStartRedirectsToProvider(LanyardSandbox sandbox) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest loginStart = HttpRequest.newBuilder(sandbox.at("/login?os_destination=%2F"))
                .timeout(Duration.ofSeconds(30)).GET().build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String origin = proxy.url().toString();
        while (true) {
            HttpResponse<Void> response = http.send(loginStart, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").startsWith(origin)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the sandbox still does not start logins at " + origin + " (HTTP "
                        + response.statusCode() + ")");
            }
            Thread.sleep(500);
        }
    }
}
