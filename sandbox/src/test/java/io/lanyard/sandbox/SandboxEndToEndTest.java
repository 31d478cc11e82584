package io.lanyard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.core.config.xml.ProviderXml;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sandbox over real HTTP, as a browser uses it: demo app, Lanyard's filter and servlets, the core, and the
 * built-in provider, each on a free port of 127.0.0.1.
 */
class SandboxEndToEndTest {

    @TempDir
    static Path sharedHome;
    private static RunningSandbox sandbox;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.onFreePorts(sharedHome));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static URI at(String pathAndQuery) {
        return URI.create(sandbox.baseUrl() + pathAndQuery);
    }

    @Test
    void aliceLandsOnTheDeepLinkSheAskedForAfterSigningInAtTheProvider() throws Exception {
        Browser browser = new Browser();

        Browser.Page signIn = browser.open(at("/pages/projects?x=1"));
        assertThat(browser.visited()).contains(at("/login?os_destination=%2Fpages%2Fprojects%3Fx%3D1"));
        assertThat(signIn.uri().toString()).startsWith(sandbox.builtInIssuer().orElseThrow() + "/authorize?");

        Browser.Page landed = browser.signInAtProvider(signIn, "alice");

        assertThat(landed.uri()).isEqualTo(at("/pages/projects?x=1"));
        assertThat(landed.status()).isEqualTo(200);
        assertThat(landed.body()).contains("Logged in as alice").contains("Alice Anderson");
    }

    @Test
    void whoamiAnswersTheUserWithASessionAnd401WithoutOneNeverARedirect() throws Exception {
        Browser alice = new Browser();
        alice.signInAtProvider(alice.open(at("/")), "alice");

        Browser.Page mine = alice.get(at("/rest/sandbox/1/whoami"));
        Browser.Page anonymous = new Browser().get(at("/rest/sandbox/1/whoami"));

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).isEqualTo("{\"username\":\"alice\",\"displayName\":\"Alice Anderson\","
                + "\"email\":\"alice@example.com\",\"groups\":[\"sandbox-users\"]}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"error\":\"not logged in\"}");
        assertThat(anonymous.header("Location")).isEmpty();
    }

    @Test
    void claimsShowsWhatLanyardValidatedForTheSessionsLoginAnd401WithoutOne() throws Exception {
        Browser alice = new Browser();
        alice.signInAtProvider(alice.open(at("/")), "alice");

        Browser.Page mine = alice.get(at("/rest/sandbox/1/claims"));
        Browser.Page anonymous = new Browser().get(at("/rest/sandbox/1/claims"));

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(mine.body()).startsWith("{").contains("\"sub\":\"alice\"")
                .contains("\"iss\":\"" + sandbox.builtInIssuer().orElseThrow() + "\"").containsPattern("\"exp\":\\d+");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void claimsAfterANativeLoginAreEmpty() throws Exception {
        Browser browser = new Browser();
        browser.submit(at("/login"), Map.of("username", "admin", "password", "admin", "os_destination", "/"));

        assertThat(browser.get(at("/rest/sandbox/1/claims")).body()).isEqualTo("{}");
    }

    @Test
    void logoutEndsTheSessionAndTheStartPageAsksForALoginAgain() throws Exception {
        Browser browser = new Browser();
        browser.signInAtProvider(browser.open(at("/")), "bob");

        Browser.Page afterLogout = browser.open(at("/logout"));

        // a new sandbox logs out at the built-in provider too (issue 15), then shows the logged-out page
        assertThat(afterLogout.uri().getPath()).isEqualTo(io.lanyard.core.LanyardPaths.LOGGED_OUT);
        assertThat(browser.get(at("/rest/sandbox/1/whoami")).status()).isEqualTo(401);
        Browser.Page startPage = browser.open(at("/"));
        assertThat(browser.visited()).contains(at("/login?os_destination=%2F"));
        assertThat(startPage.body()).contains("<form id=\"sign-in\"");
    }

    @Test
    void daveWithoutAnAccountIsCreatedWithTheDefaultAndTheMappedGroup() throws Exception {
        Browser browser = new Browser();

        Browser.Page page = browser.signInAtProvider(browser.open(at("/pages/first")), Map.of("username", "dave",
                "groups", "engineering, unmapped", "name", "Dave Davis"));

        assertThat(page.uri()).isEqualTo(at("/pages/first"));
        assertThat(page.body()).contains("Logged in as dave").contains("Dave Davis")
                .contains("<span id=\"groups\">sandbox-developers, sandbox-users</span>");
        assertThat(browser.get(at("/rest/sandbox/1/whoami")).body()).isEqualTo("{\"username\":\"dave\","
                + "\"displayName\":\"Dave Davis\",\"email\":\"dave@example.com\","
                + "\"groups\":[\"sandbox-developers\",\"sandbox-users\"]}");
    }

    @Test
    void aGroupGoneAtTheProviderIsRemovedAtTheNextLoginAndALocalGroupStays() throws Exception {
        Browser first = new Browser();
        first.signInAtProvider(first.open(at("/")), Map.of("username", "erin", "groups", "engineering"));
        sandbox.directory().addLocalMembership("erin", "local-book-club");

        Browser second = new Browser();
        second.signInAtProvider(second.open(at("/")), Map.of("username", "erin", "groups", ""));

        assertThat(second.get(at("/rest/sandbox/1/whoami")).body())
                .contains("\"groups\":[\"local-book-club\",\"sandbox-users\"]");
    }

    @Test
    void withoutJustInTimeCreationSomeoneWithoutAnAccountGetsUserNotFoundAndNoSession(@TempDir Path home)
            throws Exception {
        try (RunningSandbox own = startWith(home, provider -> provider.provisioning().createUsers(false))) {
            Browser browser = new Browser();

            Browser.Page page = browser.signInAtProvider(browser.open(URI.create(own.baseUrl() + "/")), "mallory");

            assertThat(page.status()).isEqualTo(403);
            assertThat(page.body()).contains("LNY-502").contains("no matching account here");
            assertThat(browser.get(URI.create(own.baseUrl() + "/rest/sandbox/1/whoami")).status()).isEqualTo(401);
            assertThat(own.directory().findByUsername("mallory")).isEmpty();
        }
    }

    @Test
    void anAccountLeftWithoutTheProductAccessGroupIsRefusedWithLny505(@TempDir Path home) throws Exception {
        try (RunningSandbox own = startWith(home, provider -> provider.provisioning().defaultGroups(List.of()))) {
            Browser browser = new Browser();

            Browser.Page page = browser.signInAtProvider(browser.open(URI.create(own.baseUrl() + "/")),
                    Map.of("username", "frank", "groups", "engineering"));

            assertThat(page.status()).isEqualTo(403);
            assertThat(page.body()).contains("LNY-505");
            assertThat(own.directory().account("frank").orElseThrow().groups()).containsExactly("sandbox-developers");
            assertThat(browser.get(URI.create(own.baseUrl() + "/rest/sandbox/1/whoami")).status()).isEqualTo(401);
        }
    }

    @Test
    void anOverageTokenIsResolvedThroughTheBuiltInGraphStandInAcrossPages(@TempDir Path home) throws Exception {
        try (RunningSandbox own = Sandbox.start(SandboxOptions.onFreePorts(home).withBuiltInEntraStandIn())) {
            assertThat(own.configuration().entraConnectors().stream()
                    .filter(c -> c.displayName().equals(SandboxGraph.CONNECTOR_NAME))).singleElement()
                    .satisfies(connector -> assertThat(own.configuration().identityProviders().get(0).provisioning()
                            .groups().overageConnector()).contains(connector.id()));
            Browser browser = new Browser();

            browser.signInAtProvider(browser.open(URI.create(own.baseUrl() + "/")), Map.of("username", "grace",
                    "groups", "a, b, c, d, engineering", "overage", "1"));

            assertThat(browser.get(URI.create(own.baseUrl() + "/rest/sandbox/1/claims")).body())
                    .contains("\"_claim_names\":{\"groups\":\"src1\"}").doesNotContain("\"groups\":[");
            assertThat(own.directory().account("grace").orElseThrow().groups())
                    .containsExactlyInAnyOrder("sandbox-developers", "sandbox-users");
        }
        // --idp-port 0: a new port for the built-in provider, the one before may still be in TIME_WAIT
        try (RunningSandbox again = Sandbox.start(new SandboxOptions(0, home, 0, true, SandboxOptions.DEFAULT_PRODUCT,
                java.util.Optional.empty(), true, java.util.Optional.empty()))) {
            // the overage stand-in's connector and the generated tenant's (directory sync), each added once
            assertThat(again.configuration().entraConnectors()).as("the connectors are added once")
                    .extracting(io.lanyard.core.config.EntraConnectorConfig::displayName)
                    .containsExactlyInAnyOrder(SandboxGraph.CONNECTOR_NAME, SandboxDirectorySync.CONNECTOR_NAME);
        }
    }

    /** A sandbox of its own whose built-in provider is changed as {@code change} says before it starts again. */
    private static RunningSandbox startWith(Path home, java.util.function.Consumer<IdentityProviderConfigBuilder> change)
            throws Exception {
        Sandbox.start(SandboxOptions.onFreePorts(home)).close();
        IntegrationXmlStore<IdentityProviderConfig> store =
                IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, home.resolve("lanyard"));
        IdentityProviderConfigBuilder builder = store.load().get(0).toBuilder();
        change.accept(builder);
        store.save(new LanyardConfiguration(List.of(builder.build())));
        return Sandbox.start(SandboxOptions.onFreePorts(home));
    }

    @Test
    void carolsDeactivatedAccountGetsUserInactiveAndNoSession() throws Exception {
        Browser browser = new Browser();

        Browser.Page page = browser.signInAtProvider(browser.open(at("/")), "carol");

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("LNY-504");
        assertThat(browser.get(at("/rest/sandbox/1/whoami")).status()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//login", "/./login", "/%6cogin", "/pages/../login", "/login;x=y"})
    void theLoginPageIsTheLoginPageHoweverTheUriSpellsIt(String path) throws Exception {
        // Tomcat serves its login page for each of these: the filter must see them as Tomcat does
        Browser.Page page = new Browser().get(at(path + "?os_destination=%2F"));

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith(sandbox.builtInIssuer().orElseThrow() + "/authorize?"));
    }

    @Test
    void anUnknownProviderIsNotFoundWithoutItsValueInThePage() throws Exception {
        Browser.Page page = new Browser().get(at("/plugins/servlet/lanyard/login?idp=%C2%85evil%E2%80%A8%3Cb%3E"));

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("LNY-103").doesNotContain("evil").doesNotContain("<b>");
    }

    @Test
    void aCallbackUrlOfAProviderThatIsNotHereSaysSoWith404() throws Exception {
        Browser browser = new Browser();
        browser.open(at("/")); // a login is pending in this browser: still, the URL names no provider of this sandbox

        Browser.Page page = browser.get(at("/plugins/servlet/lanyard/callback/NoSuchProvider?state=old&code=old"));

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("LNY-103").doesNotContain("LNY-401");
    }

    @Test
    void aUserWhoIsNotAnAdministratorIsRefusedTheAdminPagesWithAWayBackToTheStartPage() throws Exception {
        Browser browser = new Browser();
        browser.signInAtProvider(browser.open(at("/")), "alice");

        Browser.Page page = browser.get(at("/plugins/servlet/lanyard/admin"));

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("LNY-701").contains("<a id=\"refusal-start-page\" href=\"/\">");
    }

    @Test
    void replayingTheCallbackAfterASuccessfulLoginIsRefused() throws Exception {
        Browser browser = new Browser();
        browser.signInAtProvider(browser.open(at("/")), "bob");
        URI callback = browser.lastVisited("/plugins/servlet/lanyard/callback/");

        Browser.Page replay = browser.get(callback);

        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.body()).contains("LNY-401");
    }

    @Test
    void aForgedStateIsRefused() throws Exception {
        Browser browser = new Browser();
        Browser.Page signIn = browser.open(at("/"));
        String redirectUri = Browser.queryOf(signIn.uri()).get("redirect_uri");

        Browser.Page forged = browser.get(URI.create(redirectUri + "?state=forged&code=stolen"));

        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("LNY-401");
        assertThat(browser.get(at("/rest/sandbox/1/whoami")).status()).isEqualTo(401);
    }

    @Test
    void cancellingAtTheProviderShowsItsAccessDeniedAnswer() throws Exception {
        Browser browser = new Browser();

        Browser.Page page = browser.cancelAtProvider(browser.open(at("/")));

        assertThat(page.status()).isEqualTo(502);
        assertThat(page.body()).contains("LNY-300").contains("<dd class=\"provider-error\">access_denied</dd>");
    }

    @Test
    void aProviderErrorWithMarkupOnAValidStateIsShownEscaped() throws Exception {
        Browser browser = new Browser();
        Map<String, String> authorization = Browser.queryOf(browser.open(at("/")).uri());
        URI callback = URI.create(authorization.get("redirect_uri") + "?state=" + Browser.encode(authorization.get("state"))
                + "&error=" + Browser.encode("access_denied<script>alert(1)</script>"));

        Browser.Page page = browser.get(callback);

        assertThat(page.body()).contains("LNY-300")
                .contains("access_denied&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
    }

    @Test
    void theNativeLoginMarkerShowsTheLocalFormAndAdminLogsInLocally() throws Exception {
        Browser browser = new Browser();

        Browser.Page form = browser.open(at("/login?lanyard_native=1"));
        assertThat(form.uri()).isEqualTo(at("/login?lanyard_native=1"));
        assertThat(form.body()).contains("<form id=\"local-login\"");

        Browser.Page home = browser.submit(at("/login"), Map.of("username", "admin", "password", "admin",
                "os_destination", "/pages/admin"));

        assertThat(home.uri()).isEqualTo(at("/pages/admin"));
        assertThat(home.body()).contains("Logged in as admin");
        assertThat(browser.get(at("/rest/sandbox/1/whoami")).body()).startsWith("{\"username\":\"admin\",");
    }

    @Test
    void aWrongClientSecretInProviderXmlSurfacesAsClientAuthenticationFailed(@TempDir Path home) throws Exception {
        URI issuer;
        try (RunningSandbox first = Sandbox.start(SandboxOptions.onFreePorts(home))) {
            issuer = first.builtInIssuer().orElseThrow();
        }
        IntegrationXmlStore<IdentityProviderConfig> store =
                IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, home.resolve("lanyard"));
        LanyardConfiguration configuration = new LanyardConfiguration(store.load());
        store.save(new LanyardConfiguration(List.of(configuration.identityProviders().get(0).toBuilder()
                .clientSecret(StoredSecret.plaintext(Secret.of("not-the-secret"))).build())));

        try (RunningSandbox second = Sandbox.start(SandboxOptions.onFreePorts(home))) {
            assertThat(second.builtInIssuer()).contains(issuer);
            Browser browser = new Browser();
            Browser.Page page = browser.signInAtProvider(browser.open(URI.create(second.baseUrl() + "/")), "alice");

            assertThat(page.status()).isEqualTo(502);
            assertThat(page.body()).contains("LNY-302");
        }
    }

    @Test
    void aSecondStartOnTheSameHomeReusesProviderXmlAndLogsInAgain(@TempDir Path home) throws Exception {
        Path providerXml = home.resolve("lanyard").resolve(ProviderXml.FILE_NAME);
        String written;
        try (RunningSandbox first = Sandbox.start(SandboxOptions.onFreePorts(home))) {
            written = Files.readString(providerXml);
        }

        try (RunningSandbox second = Sandbox.start(SandboxOptions.onFreePorts(home))) {
            assertThat(Files.readString(providerXml)).isEqualTo(written);
            Browser browser = new Browser();
            Browser.Page page = browser.signInAtProvider(browser.open(URI.create(second.baseUrl() + "/pages/again")), "alice");

            assertThat(page.uri()).isEqualTo(URI.create(second.baseUrl() + "/pages/again"));
            assertThat(page.body()).contains("Logged in as alice");
        }
    }
}
