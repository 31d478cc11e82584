package io.lanyard.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.config.ClientMapping;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.config.LogoutSettings;
import io.lanyard.core.config.TokenIssuerConfig;
import io.lanyard.core.config.GroupSyncSettings.GroupMapping;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.token.LogoutTokenValidator;
import io.lanyard.interop.harness.Browser;
import io.lanyard.interop.harness.HttpLogins;
import io.lanyard.interop.harness.KeycloakServer;
import io.lanyard.interop.harness.LanyardSandbox;
import io.lanyard.interop.harness.LogoutTokenCatcher;
import io.lanyard.interop.harness.ProviderProxy.Seen;
import io.lanyard.interop.harness.ProviderUnderTest;
import io.lanyard.interop.harness.RegisteredClient;
import io.lanyard.interop.harness.SandboxAdmin;
import io.lanyard.interop.harness.TestAccount;
import io.lanyard.sandbox.app.WhoAmIServlet;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The interoperability contract against Keycloak's server distribution from Maven Central, in dev mode with the
 * realm of {@code src/test/resources/keycloak/}. Started once for this class (a cold start takes a minute or two
 * on two shared cores), stopped after it. Besides the contract: client authentication without a secret (Keycloak's
 * "Signed JWT" authenticator reading Lanyard's JWKS URL), a client secret rotated at Keycloak and at Lanyard while
 * people keep logging in, and users and groups from Keycloak (issue 13) through the realm's group membership mapper.
 */
class KeycloakInteropIT extends InteropContract {

    private static final TestAccount ALICE = TestAccount.ALICE;
    private static final TestAccount BOB = TestAccount.BOB;
    private static final TestAccount DANA = TestAccount.DANA;

    @Override
    protected ProviderUnderTest startProvider(Path work, int sandboxPort) throws Exception {
        String version = System.getProperty("interop.keycloak.version", "");
        Path home = Path.of(System.getProperty("interop.keycloak.home", "target/keycloak/keycloak-" + version));
        Path javaHome = Path.of(System.getProperty("interop.keycloak.javaHome", System.getProperty("java.home")));
        return KeycloakServer.start(home, version, javaHome, work, sandboxPort);
    }

    private KeycloakServer keycloak() {
        return (KeycloakServer) provider;
    }

    @Test
    void privateKeyJwtLogsInWithKeycloaksSignedJwtAuthenticatorReadingLanyardsJwksUrlAndSurvivesAKeyRotation()
            throws Exception {
        RegisteredClient client = keycloak().signedJwtClient();
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig(client, ClientAuthMethod.CLIENT_SECRET_BASIC)
                .clientSecret(StoredSecret.none()).clientAuthMethod(ClientAuthMethod.PRIVATE_KEY_JWT));
                Browser browser = browser("jwt-login")) {
            int mark = proxy.mark();

            logIn(browser, sandbox, "/pages/signed-jwt", TestAccount.ALICE);

            assertLoggedIn(browser, sandbox, "/pages/signed-jwt", TestAccount.ALICE);
            assertThat(requests(mark, "POST", endpoints.token())).singleElement().satisfies(token -> {
                assertThat(token.status()).isEqualTo(200);
                assertThat(token.authorizationScheme()).as("no Basic secret").isEmpty();
                assertThat(token.formParameters()).contains("client_assertion", "client_assertion_type")
                        .doesNotContain("client_secret");
            });

            // Rotation with overlap: publish, then sign with the new key. Keycloak fetched the keys a moment ago and
            // fetches again at most every ten seconds: the first assertion with the new key is refused, and Lanyard
            // signs once more with the key it retired, which is still published. No login fails.
            String oldKey = JWKSet.parse(sandbox.signingKeys().publicJwks()).getKeys().get(0).getKeyID();
            sandbox.signingKeys().publishNext();
            String newKey = sandbox.signingKeys().activateNext().keyId();
            assertThat(newKey).isNotEqualTo(oldKey);
            try (Browser second = browser("jwt-just-after-rotation")) {
                int afterRotation = proxy.mark();
                logIn(second, sandbox, "/pages/after-rotation", TestAccount.BOB);
                assertLoggedIn(second, sandbox, "/pages/after-rotation", TestAccount.BOB);
                assertThat(requests(afterRotation, "POST", endpoints.token())).extracting(Seen::status)
                        .containsExactly(400, 200);
            }
            // Ten seconds on, Keycloak fetches the new key for its unknown kid: accepted at once.
            Thread.sleep(11_000);
            try (Browser third = browser("jwt-after-rotation")) {
                int later = proxy.mark();
                logIn(third, sandbox, "/pages/later", TestAccount.ALICE);
                assertLoggedIn(third, sandbox, "/pages/later", TestAccount.ALICE);
                assertThat(requests(later, "POST", endpoints.token())).extracting(Seen::status).containsExactly(200);
            }
        }
    }

    /**
     * API access (issue 16) with Keycloak as README's recipe sets it up: confidential clients with service accounts,
     * an audience mapper, client-credentials tokens fetched as a script would, and {@code /rest/sandbox/1/whoami}
     * answered as the mapped service account, checked locally (RFC 9068, Keycloak's {@code typ} {@code JWT}) and
     * through Keycloak's introspection endpoint (RFC 7662); another audience, an expired token, a missing scope and a
     * tampered token are refused with their status and code.
     */
    @Test
    void apiAccessWithKeycloaksClientCredentialsLocallyAndByIntrospectionAndEachRefusal() throws Exception {
        String audience = "lanyard-api";
        KeycloakServer.ServiceClient bot = keycloak().serviceAccountClient("lanyard-api-bot", audience,
                Duration.ofMinutes(5), true);
        KeycloakServer.ServiceClient elsewhere = keycloak().serviceAccountClient("lanyard-api-elsewhere",
                "another-api", Duration.ofMinutes(5), true);
        KeycloakServer.ServiceClient shortLived = keycloak().serviceAccountClient("lanyard-api-short", audience,
                Duration.ofSeconds(2), true);
        KeycloakServer.ServiceClient withoutScope = keycloak().serviceAccountClient("lanyard-api-noscope", audience,
                Duration.ofMinutes(5), false);
        // Lanyard's own client for introspection, in every API token's audience (Keycloak 26 requires it)
        KeycloakServer.ServiceClient introspector = keycloak().serviceAccountClient(KeycloakServer.INTROSPECTION_CLIENT,
                "nothing", Duration.ofMinutes(5), true);
        List<ClientMapping> mappings = new ArrayList<>();
        for (KeycloakServer.ServiceClient client : List.of(bot, elsewhere, shortLived, withoutScope)) {
            mappings.add(new ClientMapping(client.clientId(), "keycloak-bot", false, List.of(), Optional.empty()));
        }
        TokenIssuerConfig local = apiAccess("keycloakapi1", audience, mappings).build();
        IdentityProviderConfigBuilder login = provider.lanyardConfig(provider.client("RS256",
                ClientAuthMethod.CLIENT_SECRET_BASIC), ClientAuthMethod.CLIENT_SECRET_BASIC);
        String token = keycloak().clientCredentialsToken(bot);
        String shortToken = keycloak().clientCredentialsToken(shortLived);
        try (LanyardSandbox sandbox = sandbox(login, List.of(local))) {
            HttpResponse<String> granted = whoami(sandbox, token);
            assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
            assertThat(granted.body()).contains("\"username\":\"keycloak-bot\"");
            assertThat(granted.headers().firstValue("Set-Cookie")).isEmpty();

            assertRefused(whoami(sandbox, keycloak().clientCredentialsToken(elsewhere)), 401, "LNY-905");
            HttpResponse<String> noScope = whoami(sandbox, keycloak().clientCredentialsToken(withoutScope));
            assertRefused(noScope, 403, "LNY-912");
            assertThat(noScope.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).contains("error=\"insufficient_scope\"", "scope=\"email\""));
            assertRefused(whoami(sandbox, tampered(token)), 401, "LNY-903");
            Thread.sleep(3_500); // the two seconds of its lifespan, and some
            assertRefused(whoami(sandbox, shortToken), 401, "LNY-906");
        }

        TokenIssuerConfig introspecting = apiAccess("keycloakapi2", audience, mappings)
                .tokenCheck(TokenIssuerConfig.TokenCheck.INTROSPECTION).opaqueTokenPaths(List.of("/rest/"))
                .introspectionEndpoint(provider.issuer() + "/protocol/openid-connect/token/introspect")
                .clientId(introspector.clientId()).clientSecret(StoredSecret.plaintext(introspector.secret())).build();
        String fresh = keycloak().clientCredentialsToken(bot);
        try (LanyardSandbox sandbox = sandbox(login, List.of(introspecting))) {
            int mark = proxy.mark();
            HttpResponse<String> granted = whoami(sandbox, fresh);
            assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
            assertThat(granted.body()).contains("\"username\":\"keycloak-bot\"");
            assertThat(whoami(sandbox, fresh).statusCode()).as("the second call, from the cache").isEqualTo(200);
            String introspection = URI.create(provider.issuer() + "/protocol/openid-connect/token/introspect")
                    .getPath();
            assertThat(requests(mark, "POST", introspection)).as("one introspection for two calls").hasSize(1);
            assertRefused(whoami(sandbox, tampered(fresh)), 401, "LNY-915");
            assertRefused(whoami(sandbox, keycloak().clientCredentialsToken(elsewhere)), 401, "LNY-905");
        }
    }

    /** README's Keycloak recipe: Keycloak types its access tokens JWT; its keys at the realm's certs endpoint. */
    private io.lanyard.core.config.TokenIssuerConfigBuilder apiAccess(String id, String audience,
            List<ClientMapping> mappings) {
        return TokenIssuerConfig.builder().id(id).displayName("Keycloak API access")
                .issuer(provider.issuer().toString()).acceptJwtType(true)
                .jwksUri(provider.issuer() + "/protocol/openid-connect/certs").audience(audience)
                .requiredScopes(List.of("email")).clockSkew(Duration.ZERO).clientMappings(mappings);
    }

    private static HttpResponse<String> whoami(LanyardSandbox sandbox, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(sandbox.at(WhoAmIServlet.PATH))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains("\"code\":\"" + code + "\"").doesNotContain("Exception");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer").contains(code));
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    /** One character of the signature changed (not the last, whose low bits base64url may not carry). */
    private static String tampered(String token) {
        int at = token.lastIndexOf('.') + 5;
        char replaced = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + replaced + token.substring(at + 1);
    }

    @Test
    void theClientAuthenticationMustMatchKeycloaksAuthenticatorAndEachMismatchHasItsCode() throws Exception {
        // Keycloak's "Signed JWT" client refuses a secret: LNY-302.
        RegisteredClient signedJwt = keycloak().signedJwtClient();
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig(signedJwt, ClientAuthMethod.CLIENT_SECRET_BASIC));
                Browser browser = browser("jwt-client-given-a-secret")) {
            logIn(browser, sandbox, "/pages/jwt-secret", TestAccount.ALICE);
            assertThat(browser.errorCode()).isEqualTo("LNY-302");
        }
        // A "Client Id and Secret" client refuses Lanyard's signed assertion: LNY-305.
        RegisteredClient withSecret = provider.client("RS256", ClientAuthMethod.CLIENT_SECRET_BASIC);
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig(withSecret, ClientAuthMethod.CLIENT_SECRET_BASIC)
                .clientSecret(StoredSecret.none()).clientAuthMethod(ClientAuthMethod.PRIVATE_KEY_JWT));
                Browser browser = browser("secret-client-given-an-assertion")) {
            int mark = proxy.mark();
            logIn(browser, sandbox, "/pages/secret-assertion", TestAccount.ALICE);
            assertThat(browser.errorCode()).isEqualTo("LNY-305");
            assertThat(requests(mark, "POST", endpoints.token())).singleElement()
                    .satisfies(token -> assertThat(token.status()).isIn(400, 401));
        }
    }

    /**
     * The whole rotation under load: two people log in without pause (over HTTP, Keycloak's own login form) while the
     * administrator gives Lanyard the next secret, changes the client's secret at Keycloak (the old one stops working
     * at once), and promotes the next secret at Lanyard. Not one login may fail.
     */
    @Test
    void aClientSecretRotatedAtKeycloakAndAtLanyardWhileLoginsGoOnFailsNoLogin() throws Exception {
        RegisteredClient client = keycloak().rotationClient();
        Secret next = randomSecret();
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig(client, ClientAuthMethod.CLIENT_SECRET_BASIC))) {
            SandboxAdmin admin = SandboxAdmin.logIn(sandbox.baseUrl());
            int mark = proxy.mark();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            List<Instant> logins = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService people = Executors.newFixedThreadPool(2);
            for (TestAccount person : List.of(TestAccount.ALICE, TestAccount.BOB)) {
                people.submit(() -> {
                    while (running.get()) {
                        HttpLogins.Outcome outcome = HttpLogins.logIn(sandbox.at("/pages/rotation"), person);
                        if (outcome.loggedIn()) {
                            logins.add(Instant.now());
                        } else {
                            failures.add(person + ": " + outcome.detail());
                        }
                    }
                });
            }
            Instant start = Instant.now();
            Thread.sleep(4000);
            Instant nextGiven = Instant.now();
            admin.giveNextSecret(client.lanyardId(), next);
            Thread.sleep(4000);
            Instant changedAtKeycloak = Instant.now();
            keycloak().changeClientSecret(client, next);
            Thread.sleep(6000);
            Instant promoted = Instant.now();
            admin.promote(client.lanyardId(), next);
            Thread.sleep(4000);
            running.set(false);
            people.shutdown();
            assertThat(people.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            List<Seen> seenTokens = proxy.since(mark).stream()
                    .filter(seen -> seen.is("POST", endpoints.token()) && !seen.refused()).toList();
            System.out.printf("secret rotation under load: %d logins in %d s, %d failed, token requests %d "
                    + "(answered 401: %d)%n", logins.size(), Duration.between(start, Instant.now()).toSeconds(),
                    failures.size(), seenTokens.size(), seenTokens.stream().filter(seen -> seen.status() == 401).count());
            assertThat(failures).as("failed logins").isEmpty();
            assertThat(logins).as("logins in %s", Duration.between(start, Instant.now())).hasSizeGreaterThan(20);
            assertThat(logins).anyMatch(at -> at.isBefore(nextGiven))
                    .anyMatch(at -> at.isAfter(nextGiven) && at.isBefore(changedAtKeycloak))
                    .anyMatch(at -> at.isAfter(changedAtKeycloak) && at.isBefore(promoted))
                    .anyMatch(at -> at.isAfter(promoted));
            List<Seen> tokenRequests = proxy.since(mark).stream()
                    .filter(seen -> seen.is("POST", endpoints.token()) && !seen.refused()).toList();
            assertThat(tokenRequests).as("the old secret, refused once Keycloak changed it, then tried no more")
                    .filteredOn(seen -> seen.status() == 401).hasSizeBetween(1, 2);
            assertThat(tokenRequests.get(tokenRequests.size() - 1).status()).isEqualTo(200);
        } finally {
            keycloak().changeClientSecret(client, client.secret());
        }
    }

    // --- Test sign-in (issue 19): the login dry-run against Keycloak in a browser -------------------------------------

    /**
     * The administrator's "Test sign-in" link from the page Health, opened in a browser where nobody is logged in:
     * Keycloak's own login page, then the report: every step passed, alice's claims, nobody logged in by it.
     */
    @Test
    void aTestSignInFromHealthRunsEveryStepAtKeycloakAndLogsNobodyIn() throws Exception {
        IdentityProviderConfig config = provider.lanyardConfig().build();
        try (LanyardSandbox sandbox = sandbox(config.toBuilder()); Browser browser = browser("test-sign-in")) {
            URI link = SandboxAdmin.logIn(sandbox.baseUrl()).testSignInLink(config.id());

            browser.open(link);
            browser.awaitLoginPage(provider);
            browser.submitLogin(provider, ALICE);
            browser.awaitText("Every step passed");
            browser.screenshot("test-sign-in-report");

            assertThat(browser.text()).contains("token exchange").contains("ID token").contains(ALICE.username())
                    .doesNotContain("eyJ");
            assertThat(browser.json(sandbox.at(WhoAmIServlet.PATH))).containsEntry("error", "not logged in");
        }
    }

    // --- Logout (issue 15): Keycloak's back-channel logout, and the sandbox's logout also at Keycloak -------------

    /**
     * Alice signs out at Keycloak's own logout page (its end-session endpoint without a hint asks "Do you want to log
     * out?"). Keycloak POSTs a logout token for her session to the back-channel URL registered for the client: the
     * sandbox's {@code …/backchannel-logout/keycloak}, straight, not through the proxy. Her sandbox session is over at
     * her next request: a REST call gets 401 {@code LNY-834}, a page sends her to Keycloak's login page again.
     */
    @Test
    void aSignOutAtKeycloaksOwnLogoutPageEndsTheSandboxSessionThroughABackChannelLogoutToken() throws Exception {
        List<String> earlier = keycloak().sessionsOf(ALICE); // other tests' browsers may have left some
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig()); Browser browser = browser("logout-at-keycloak")) {
            logIn(browser, sandbox, "/pages/before-logout", ALICE);
            assertLoggedIn(browser, sandbox, "/pages/before-logout", ALICE);
            String sandboxSession = browser.cookieHeader();
            assertThat(restCall(sandbox.at(WhoAmIServlet.PATH), sandboxSession).body()).contains("alice");
            List<String> hers = newSessions(ALICE, earlier);
            assertThat(hers).hasSize(1);

            browser.open(endSessionEndpoint());
            browser.clickWhenShown("kc-logout");
            browser.awaitText("logged out");
            browser.screenshot("signed-out-at-keycloak");

            assertThat(keycloak().sessionsOf(ALICE)).doesNotContainAnyElementsOf(hers);
            HttpResponse<String> rest = restCall(sandbox.at(WhoAmIServlet.PATH), sandboxSession);
            assertThat(rest.statusCode()).isEqualTo(401);
            assertThat(rest.body()).as("ended by the revocation, not by a lost cookie").contains("LNY-834");
            assertThat(browser.json(sandbox.at(WhoAmIServlet.PATH))).containsEntry("error", "not logged in");
            browser.open(sandbox.at("/pages/after-logout"));
            browser.awaitLoginPage(provider);
        }
    }

    /**
     * Front-Channel Logout 1.0 (issue 15) through a provider that frames it: the client switched to front-channel
     * logout at Keycloak (its back-channel URL cleared, so nothing else can end the session), alice signs in to the
     * sandbox, then signs out on Keycloak's logout page, which frames the sandbox's {@code …/frontchannel-logout/<id>}
     * with {@code iss} and {@code sid} in her browser. Her sandbox session is over at its next request.
     */
    @Test
    void aSignOutAtKeycloakEndsTheSandboxSessionThroughAFrontChannelLogoutFramedInTheBrowser() throws Exception {
        RegisteredClient client = provider.client("RS256", ClientAuthMethod.CLIENT_SECRET_BASIC);
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig()); Browser browser = browser("frontchannel")) {
            URI frontChannel = sandbox.at(LanyardPaths.frontChannelLogoutPath(client.lanyardId()));
            URI backChannel = sandbox.at(LanyardPaths.backChannelLogoutPath(client.lanyardId()));
            keycloak().useFrontChannelLogout(client, Optional.of(frontChannel), backChannel);
            try {
                logIn(browser, sandbox, "/pages/before-frontchannel", ALICE);
                assertLoggedIn(browser, sandbox, "/pages/before-frontchannel", ALICE);
                String sandboxSession = browser.cookieHeader();
                assertThat(restCall(sandbox.at(WhoAmIServlet.PATH), sandboxSession).body()).contains("alice");

                browser.open(endSessionEndpoint());
                browser.clickWhenShown("kc-logout");
                // Keycloak's front-channel page: it frames each client's front-channel URL and names the apps
                browser.awaitText("You are logging out from following apps");
                browser.screenshot("signed-out-at-keycloak-frontchannel");

                HttpResponse<String> rest = restCall(sandbox.at(WhoAmIServlet.PATH), sandboxSession);
                for (int i = 0; i < 50 && rest.statusCode() != 401; i++) {
                    Thread.sleep(200); // the framed page may still be loading
                    rest = restCall(sandbox.at(WhoAmIServlet.PATH), sandboxSession);
                }
                assertThat(rest.statusCode()).as(rest.body()).isEqualTo(401);
                assertThat(rest.body()).as("ended by the revocation, not by a lost cookie").contains("LNY-834");
            } finally {
                keycloak().useFrontChannelLogout(client, Optional.empty(), backChannel);
            }
        }
    }

    /**
     * The administrator signs alice out at Keycloak (admin REST API, as the admin console's "Sign out" on a user):
     * Keycloak sends one logout token per session of hers, and both her browsers are logged out of the sandbox, while
     * bob, logged in through the same client, stays in.
     */
    @Test
    void anAdministratorsLogoutOfAliceAtKeycloakEndsTheSandboxSessionsOfBothHerBrowsersButNotBobs() throws Exception {
        try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig());
                Browser laptop = browser("logout-admin-laptop");
                Browser phone = browser("logout-admin-phone");
                Browser colleague = browser("logout-admin-bob")) {
            List<String> earlier = keycloak().sessionsOf(ALICE);
            logIn(laptop, sandbox, "/pages/laptop", ALICE);
            logIn(phone, sandbox, "/pages/phone", ALICE);
            logIn(colleague, sandbox, "/pages/colleague", BOB);
            assertLoggedIn(laptop, sandbox, "/pages/laptop", ALICE);
            assertLoggedIn(phone, sandbox, "/pages/phone", ALICE);
            assertLoggedIn(colleague, sandbox, "/pages/colleague", BOB);
            assertThat(newSessions(ALICE, earlier)).as("one Keycloak session per browser").hasSize(2);

            keycloak().signOutEverywhere(ALICE);

            assertThat(keycloak().sessionsOf(ALICE)).isEmpty();
            assertThat(laptop.json(sandbox.at(WhoAmIServlet.PATH))).containsEntry("error", "not logged in");
            assertThat(phone.json(sandbox.at(WhoAmIServlet.PATH))).containsEntry("error", "not logged in");
            assertThat(colleague.json(sandbox.at(WhoAmIServlet.PATH))).containsEntry("username", "bob");
            assertThat(keycloak().sessionsOf(BOB)).isNotEmpty();
        }
    }

    /**
     * With "also at the provider", the sandbox's logout sends the browser to Keycloak's end_session_endpoint with
     * id_token_hint, client_id, post_logout_redirect_uri and state; Keycloak ends its session without asking (the hint
     * names the session) and sends the browser back to Lanyard's post-logout endpoint, which lands on the logged-out
     * page, or on the start page, which asks for a login again. Keycloak has no session of hers left: that next login
     * asks for her password.
     */
    @ParameterizedTest
    @EnumSource(LogoutSettings.AfterLogout.class)
    void theSandboxsLogoutAlsoAtKeycloakEndsTheKeycloakSessionAndLandsWhereConfigured(LogoutSettings.AfterLogout landing)
            throws Exception {
        IdentityProviderConfigBuilder config = provider.lanyardConfig();
        config.logout().mode(LogoutSettings.LogoutMode.ALSO_AT_PROVIDER).afterLogout(landing);
        try (LanyardSandbox sandbox = sandbox(config); Browser browser = browser("logout-also-at-keycloak-" + landing)) {
            List<String> earlier = keycloak().sessionsOf(ALICE);
            logIn(browser, sandbox, "/pages/work", ALICE);
            assertLoggedIn(browser, sandbox, "/pages/work", ALICE);
            List<String> hers = newSessions(ALICE, earlier);
            assertThat(hers).hasSize(1);
            int mark = proxy.mark();

            browser.open(sandbox.at("/logout"));
            if (landing == LogoutSettings.AfterLogout.LOGGED_OUT_PAGE) {
                browser.awaitAt(sandbox, LanyardPaths.LOGGED_OUT);
                browser.screenshot("logged-out");
                assertThat(browser.json(sandbox.at(WhoAmIServlet.PATH))).containsEntry("error", "not logged in");
                browser.open(sandbox.at("/pages/again"));
            }
            browser.awaitLoginPage(provider);
            browser.screenshot("password-asked-again");

            assertThat(requests(mark, "GET", endSessionEndpoint().getRawPath())).singleElement().satisfies(endSession -> {
                assertThat(endSession.queryParameters())
                        .contains("id_token_hint", "client_id", "post_logout_redirect_uri", "state");
                assertThat(endSession.visibleParameters()).containsEntry("client_id", "lanyard");
                assertThat(endSession.status()).as("no confirmation page: straight back").isEqualTo(302);
            });
            assertThat(keycloak().sessionsOf(ALICE)).as("Keycloak's session ended").doesNotContainAnyElementsOf(hers);
            if (landing == LogoutSettings.AfterLogout.START_PAGE) {
                browser.submitLogin(provider, ALICE);
                browser.awaitBackAt(sandbox);
                assertLoggedIn(browser, sandbox, "/", ALICE);
            }
        }
    }

    /**
     * A logout token Keycloak made for another client of the realm (its audience is {@code lanyard-es256}), handed to
     * the endpoint of the provider configured with client {@code lanyard}: signed by the right issuer with its real
     * keys, and still refused, 400 {@code LNY-447}, because it was not meant for this client.
     */
    @Test
    void aKeycloakLogoutTokenForAnotherClientIsRefusedWithTheAudienceCode() throws Exception {
        RegisteredClient otherClient = provider.client("ES256", ClientAuthMethod.CLIENT_SECRET_BASIC);
        String logoutToken;
        try (LogoutTokenCatcher catcher = LogoutTokenCatcher.start()) {
            try (LanyardSandbox sandbox = sandbox(provider.lanyardConfig(otherClient, ClientAuthMethod.CLIENT_SECRET_BASIC));
                    Browser browser = browser("logout-token-other-client")) {
                logIn(browser, sandbox, "/pages/other-client", ALICE);
                assertLoggedIn(browser, sandbox, "/pages/other-client", ALICE);
                keycloak().changeBackChannelLogoutUrl(otherClient, catcher.url());
                try {
                    keycloak().signOutEverywhere(ALICE);
                    logoutToken = catcher.next(Duration.ofSeconds(30));
                } finally {
                    keycloak().changeBackChannelLogoutUrl(otherClient,
                            sandbox.at(LanyardPaths.backChannelLogoutPath(otherClient.lanyardId())));
                }
            }
        }
        JWTClaimsSet claims = SignedJWT.parse(logoutToken).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(provider.issuer().toString());
        assertThat(claims.getAudience()).containsExactly(otherClient.clientId());
        assertThat(claims.getStringClaim("sid")).as("backchannel.logout.session.required").isNotBlank();
        assertThat(claims.getJSONObjectClaim("events")).containsKey(LogoutTokenValidator.BACK_CHANNEL_LOGOUT_EVENT);

        IdentityProviderConfigBuilder config = provider.lanyardConfig()
                .allowedAlgorithms(List.of("RS256", "ES256", "PS256"));
        try (LanyardSandbox sandbox = sandbox(config)) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    sandbox.at(LanyardPaths.backChannelLogoutPath(config.build().id())))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("logout_token="
                            + URLEncoder.encode(logoutToken, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(answer.body()).contains("\"error\":\"invalid_request\"").contains("LNY-447");
        }
    }

    /** The person's Keycloak sessions that are not among {@code earlier} (tests share one Keycloak). */
    private List<String> newSessions(TestAccount account, List<String> earlier) {
        return keycloak().sessionsOf(account).stream().filter(session -> !earlier.contains(session)).toList();
    }

    private URI endSessionEndpoint() {
        return URI.create(String.valueOf(provider.metadata().get("end_session_endpoint")));
    }

    /** A REST client's GET with a browser's session cookies (JSON accepted: no login redirect, a 401). */
    private static HttpResponse<String> restCall(URI uri, String cookieHeader) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Accept", "application/json")
                .header("Cookie", cookieHeader).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Secret randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
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
            keycloak().removeFromGroup(DANA.username(), "engineering");

            try (Browser browser = browser("8-next-login")) {
                logIn(browser, sandbox, "/pages/next", DANA);
                assertLoggedIn(browser, sandbox, "/pages/next", DANA);

                assertThat(browser.json(sandbox.at("/rest/sandbox/1/whoami")).get("groups")).asList()
                        .containsExactly("local-book-club", "sandbox-users");
            }
        }
    }
}
