package io.lanyard.osgi;

import static io.lanyard.osgi.FelixHost.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A whole login through each of the four javax plugin jars inside Felix, and the admin save path, over real HTTP:
 * the product's login page, the identity provider (mock-oauth2-server on 127.0.0.1), the callback, the token
 * exchange, the ID token's validation, the product's session login against the fake host (SAL's calls as Atlassian's
 * own SSO makes them, and the last login recorded), and the page the person wanted; and a person the product does
 * not let in, refused with {@code LNY-505}. Any error of linking to the host's declared API that Lanyard turned into
 * a warning fails the test ({@link LinkageErrorLog}). Discovery, the JDK HTTP client, Nimbus, Jackson and the XML reader and writer all run in the bundle's
 * class loader, where service loaders, JAXP factories and reflection break if they are going to; the browser is an
 * HTTP client, the product a {@link PluginWebHost} that routes by the plugin's descriptor to the beans of its
 * Spring context.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaxLoginInFelixIT {

    private static final String IDP = "felixlogin";
    private static final String ISSUER_ID = "felix";
    private static final String CLIENT_ID = "lanyard-in-felix";
    private static final Pattern JSON_STRING = Pattern.compile("\"(token|id)\"\\s*:\\s*\"([^\"]+)\"");

    private final MockOAuth2Server provider = new MockOAuth2Server();
    private FelixHost felix;
    private FakeHost host;
    private PluginWebHost web;
    private Path providerXml;
    private LinkageErrorLog linkageErrors;

    @BeforeAll
    void startProviderFelixAndProduct(@TempDir Path work) throws Exception {
        linkageErrors = LinkageErrorLog.listen();
        provider.start(0);
        Path home = Files.createDirectories(work.resolve("home"));
        providerXml = Files.createDirectories(home.resolve("lanyard")).resolve("provider.xml");
        Files.writeString(providerXml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <lanyard-providers version="1">
                  <provider id="%s" enabled="true">
                    <DISPLAY_NAME>Provider on this machine</DISPLAY_NAME>
                    <DISCOVERY_URL>%s</DISCOVERY_URL>
                    <CLIENT_ID>%s</CLIENT_ID>
                    <CLIENT_SECRET>secret-of-the-felix-test</CLIENT_SECRET>
                  </provider>
                </lanyard-providers>
                """.formatted(IDP, provider.wellKnownUrl(ISSUER_ID), CLIENT_ID));
        felix = FelixHost.bootInWebApplication(work);
        host = new FakeHost(felix, home);
        host.register();
        for (Product product : Product.values()) {
            felix.install(product);
        }
        for (Product product : Product.values()) {
            felix.plugin(product).start();
        }
        web = PluginWebHost.start(felix, work);
        host.applicationProperties.returning("getBaseUrl", web.baseUrl().toString());
    }

    @AfterAll
    void stopAll() throws Exception {
        linkageErrors.close();
        if (web != null) {
            web.close();
        }
        if (felix != null) {
            felix.close();
        }
        provider.shutdown();
    }

    @Test
    void theBundlesUseTheirOwnProtocolLibrariesNotTheTestsOrTheHosts() throws Exception {
        for (Product product : Product.values()) {
            for (Class<?> onTheTestsClassPath : List.of(com.nimbusds.jwt.SignedJWT.class,
                    com.fasterxml.jackson.core.JsonFactory.class)) {
                Class<?> inTheBundle = felix.plugin(product).loadClass(onTheTestsClassPath.getName());
                assertThat(inTheBundle).as(product + " " + onTheTestsClassPath.getSimpleName())
                        .isNotSameAs(onTheTestsClassPath);
                assertThat(inTheBundle.getClassLoader()).isNotSameAs(ClassLoader.getSystemClassLoader());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Product.class)
    void aWholeLoginRunsThroughThePluginInFelix(Product product) throws Exception {
        URI base = serveWithAPersonAtTheProvider(product, "alice");
        Browser browser = new Browser();

        // The product's login page: the plugin's filter reads the discovery document and sends the browser on.
        HttpResponse<String> loginPage = browser.get(base.resolve(product.loginPage() + "?" + product.returnParameter()
                + "=" + PluginWebHost.PAGE));
        assertThat(loginPage.statusCode()).as(loginPage.body()).isEqualTo(302);
        URI authorization = Browser.location(loginPage);
        assertThat(authorization.toString()).startsWith(provider.authorizationEndpointUrl(ISSUER_ID).toString());
        assertThat(authorization.getRawQuery()).contains("code_challenge_method=S256", "client_id=" + CLIENT_ID);

        // At the provider: the person signs in and is sent back with a code.
        HttpResponse<String> signedIn = browser.get(authorization);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        URI callback = Browser.location(signedIn);
        assertThat(callback.toString()).startsWith(base + "/plugins/servlet/lanyard/callback/" + IDP + "?");

        // The callback: code exchanged, ID token validated, alice found and logged into the product's session.
        HttpResponse<String> back = browser.get(callback);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(Browser.location(back)).isEqualTo(base.resolve(PluginWebHost.PAGE));

        // The page she wanted, as the product shows it to the session she now has.
        assertThat(browser.get(base.resolve(PluginWebHost.PAGE)).body())
                .isEqualTo(product.id() + " page " + PluginWebHost.PAGE + " for alice");
        assertTheLoginWentThroughSal(product);
        assertTheProductRecordedTheLogin(product, browser, base);
        assertThat(new Browser().get(base.resolve(PluginWebHost.PAGE)).body()).as("another browser")
                .endsWith(" for anonymous");
        assertThat(linkageErrors.takeLines()).as("host calls that did not link").isEmpty();
    }

    /** canLogin says no for dora: the callback shows LNY-505 with 403, and she is not logged in. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Product.class)
    void aPersonTheProductDoesNotLetInGetsAClearPageAndNoSession(Product product) throws Exception {
        URI base = serveWithAPersonAtTheProvider(product, FakeHost.REFUSED_USER);
        Browser browser = new Browser();

        URI authorization = Browser.location(browser.get(base.resolve(product.loginPage() + "?"
                + product.returnParameter() + "=" + PluginWebHost.PAGE)));
        HttpResponse<String> back = browser.get(Browser.location(browser.get(authorization)));

        assertThat(back.statusCode()).as(back.body()).isEqualTo(403);
        assertThat(back.body()).contains("LNY-505", "Your account may not use this application");
        assertThat(host.authenticationController.calls("canLogin")).extracting(call -> call.arguments().get(0))
                .containsExactly(host.salDora.proxy());
        assertThat(host.authenticationListener.calls()).isEmpty();
        assertThat(browser.get(base.resolve(PluginWebHost.PAGE)).body()).endsWith(" for anonymous");
        assertThat(linkageErrors.takeLines()).as("host calls that did not link").isEmpty();
    }

    /** Routes to {@code product}'s plugin, with {@code username} signing in at the provider next; the base URL. */
    private URI serveWithAPersonAtTheProvider(Product product, String username) throws Exception {
        web.serve(product);
        forgetTheHostsCalls(product);
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, username + "-at-the-provider", "JWT",
                List.of(CLIENT_ID), Map.of("preferred_username", username), 300));
        return web.baseUrl();
    }

    private void forgetTheHostsCalls(Product product) {
        for (Fake fake : List.of(host.jiraLoginManager, host.confluenceLoginManager, host.crowdService,
                host.salUserManager, host.authenticationController, host.authenticationListener, host.replicatedCache,
                host.clusterLock)) {
            fake.forget();
        }
        host.listenLikeConfluence = product == Product.CONFLUENCE;
        linkageErrors.takeLines();
    }

    /**
     * Atlassian's SSO's path (docs/host-evidence.md, 1.1): the directory refreshes alice (not on Bamboo), SAL resolves
     * her, the product lets her in, and (but on Bitbucket, whose handler logs her in) SAL's listener gets the success.
     */
    private void assertTheLoginWentThroughSal(Product product) {
        assertThat(host.crowdService.calls("userAuthenticated")).extracting(call -> call.arguments().get(0))
                .as("refreshed from the directory").isEqualTo(product == Product.BAMBOO ? List.of() : List.of("alice"));
        assertThat(host.salUserManager.calls("resolve")).extracting(call -> call.arguments().get(0)).containsExactly("alice");
        assertThat(host.replicatedCache.calls("putIfAbsent")).as("the login's state used once in the cluster's cache")
                .hasSize(1);
        assertThat(host.clusterLock.calls("tryLock")).as("under the cluster lock where putIfAbsent may not be atomic")
                .hasSize(product == Product.CONFLUENCE ? 0 : 1);
        assertThat(host.authenticationController.calls("canLogin")).extracting(call -> call.arguments().get(0))
                .containsExactly(host.salAlice.proxy());
        List<Fake.Call> successes = host.authenticationListener.calls("authenticationSuccess");
        if (product == Product.BITBUCKET) {
            assertThat(successes).isEmpty();
        } else {
            assertThat(successes).hasSize(1);
            assertThat(call(successes.get(0).arguments().get(0), "getPrincipal")).isSameAs(host.salAlice.proxy());
        }
    }

    /** The last login recorded: by Lanyard on Jira (LoginManager answers a LoginInfo), by its listener on Confluence. */
    private void assertTheProductRecordedTheLogin(Product product, Browser browser, URI base) throws Exception {
        switch (product) {
            case JIRA -> assertThat(host.jiraLoginManager.calls("onLoginAttempt"))
                    .extracting(call -> call.arguments().subList(1, 3)).containsExactly(List.of("alice", true));
            case CONFLUENCE -> assertThat(host.confluenceLoginManager.calls("onSuccessfulLoginAttempt"))
                    .as("by Confluence's listener, for a session marked as a single sign-on")
                    .extracting(call -> call.arguments().get(0)).containsExactly("alice");
            case BITBUCKET -> assertThat(browser.get(base.resolve("/projects")).body()).as("a second page, validated")
                    .isEqualTo("bitbucket page /projects for alice");
            case BAMBOO -> { } // Bamboo keeps no login record Lanyard reaches (the session is checked through the page)
        }
        if (product != Product.BITBUCKET) {
            assertThat(browser.get(base.resolve(product.loginPage())).body()).as("logged in: the login page passes")
                    .isEqualTo(product.id() + "'s own login form");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Product.class)
    void adminSaveWritesProviderXmlThroughThePluginAndReadsItBack(Product product) throws Exception {
        web.serve(product);
        actAsSystemAdministrator();
        try {
            URI api = web.baseUrl().resolve("/plugins/servlet/lanyard/api/");
            Browser browser = new Browser();
            HttpResponse<String> xsrf = browser.get(api.resolve("xsrf"));
            assertThat(xsrf.statusCode()).as(xsrf.body()).isEqualTo(200);
            String token = jsonString(xsrf.body(), "token");

            HttpResponse<String> created = browser.send(HttpRequest.newBuilder(api.resolve("idps"))
                    .header("Content-Type", "application/json").header("X-Lanyard-XSRF", token)
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"displayName": "Added in %s", "enabled": false, "discoveryUrl": "%s",
                             "clientId": "lanyard-%s", "clientSecret": "secret-added-in-%s"}
                            """.formatted(product.id(), provider.wellKnownUrl(ISSUER_ID), product.id(), product.id()))));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = jsonString(created.body(), "id");

            // Written by the bundle's XML writer, next to the provider of the logins.
            assertThat(Files.readString(providerXml)).contains("id=\"" + id + "\"", "Added in " + product.id(),
                    "id=\"" + IDP + "\"");
            // Read back by the bundle's XML reader, and served back by its API.
            assertThat(displayNameInTheFile(product, id)).contains("Added in " + product.id());
            assertThat(browser.get(api.resolve("idps/" + id)).body()).contains("\"displayName\":\"Added in " + product.id());
            // Its Test reads the provider's discovery document and keys, from inside the bundle too.
            HttpResponse<String> test = browser.send(HttpRequest.newBuilder(api.resolve("idps/" + id + "/test"))
                    .header("X-Lanyard-XSRF", token).POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(test.body()).contains("\"passed\":true", "\"issuer\":\"" + provider.issuerUrl(ISSUER_ID));

            HttpResponse<String> deleted = browser.send(HttpRequest.newBuilder(api.resolve("idps/" + id))
                    .header("X-Lanyard-XSRF", token).DELETE());
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
            assertThat(Files.readString(providerXml)).doesNotContain(id).contains("id=\"" + IDP + "\"");
            assertThat(displayNameInTheFile(product, id)).isEmpty();
        } finally {
            host.salUserManager.returning("getRemoteUserKey", null).returning("getRemoteUser", null);
            host.webSudoManager.returning("canExecuteRequest", false);
        }
    }

    /** The display name of provider {@code id} as the plugin's own store reads {@code provider.xml} now. */
    private Optional<Object> displayNameInTheFile(Product product, String id) throws Exception {
        Object directory = ((Optional<?>) call(felix.bean(product, "lanyard"), "lanyardDirectory")).orElseThrow();
        Class<?> kinds = felix.plugin(product).loadClass("io.lanyard.core.config.IntegrationKind");
        Object store = felix.plugin(product).loadClass("io.lanyard.core.config.xml.IntegrationXmlStore")
                .getMethod("of", kinds, Path.class).invoke(null, kinds.getField("IDENTITY_PROVIDER").get(null), directory);
        return ((List<?>) call(store, "load")).stream().filter(found -> id.equals(call(found, "id"))).findFirst()
                .map(found -> call(found, "displayName"));
    }

    private void actAsSystemAdministrator() throws Exception {
        Object adminKey = felix.hostClass("com.atlassian.sal.api.user.UserKey").getConstructor(String.class)
                .newInstance("admin");
        Object adminProfile = Fake.of(felix.hostClass("com.atlassian.sal.api.user.UserProfile"))
                .returning("getUsername", "admin").proxy();
        host.salUserManager.returning("getRemoteUserKey", adminKey).returning("getRemoteUser", adminProfile)
                .answer("isSystemAdmin", args -> adminKey.equals(args[0]));
        host.webSudoManager.returning("canExecuteRequest", true);
    }

    private static String jsonString(String json, String name) {
        Matcher matcher = JSON_STRING.matcher(json);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        throw new AssertionError("no \"" + name + "\" in " + json);
    }
}
