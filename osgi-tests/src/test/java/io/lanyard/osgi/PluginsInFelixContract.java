package io.lanyard.osgi;

import static io.lanyard.osgi.FelixHost.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.w3c.dom.Element;

/**
 * The eight plugin jars in a real OSGi framework with the Spring DM extender and fake host services: each of the
 * four jars of one servlet generation resolves, starts, gets its Spring context with every reference satisfied,
 * and its product adapter logs a user in exactly the way the product expects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PluginsInFelixContract {

    private static final String SERAPH_LOGGED_IN = FakeHost.SERAPH_LOGGED_IN;
    private static final String SERAPH_LOGGED_IN_USER_ID = "seraph_defaultauthenticator_user_id";
    private static final String SERAPH_LOGGED_OUT = "seraph_defaultauthenticator_logged_out_user";

    FelixHost felix;
    FakeHost host;
    FakeHttp http;

    abstract Generation generation();

    @BeforeAll
    void bootFelixWithThePlugins(@TempDir Path work) throws Exception {
        Path home = Files.createDirectories(work.resolve("home"));
        Files.createDirectories(home.resolve("lanyard"));
        Files.writeString(home.resolve("lanyard/provider.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <lanyard-providers version="1">
                  <provider id="corporate" enabled="true">
                    <DISPLAY_NAME>Corporate Keycloak</DISPLAY_NAME>
                    <DISCOVERY_URL>https://idp.example.com/realms/acme/.well-known/openid-configuration</DISCOVERY_URL>
                    <CLIENT_ID>lanyard</CLIENT_ID>
                    <CLIENT_SECRET>test-secret</CLIENT_SECRET>
                  </provider>
                </lanyard-providers>
                """);
        felix = FelixHost.boot(generation(), work);
        host = new FakeHost(felix, home);
        host.register();
        http = new FakeHttp(felix);
        for (Product product : Product.values()) {
            felix.install(product);
        }
        for (Product product : Product.values()) {
            felix.plugin(product).start();
        }
    }

    @AfterAll
    void stopFelix() throws Exception {
        if (felix != null) {
            felix.close();
        }
    }

    @Test
    void everyPluginResolvesAndStarts() {
        for (Product product : Product.values()) {
            Bundle bundle = felix.plugin(product);
            assertThat(bundle.getState()).as(product.pluginKey()).isEqualTo(Bundle.ACTIVE);
            assertThat(bundle.getSymbolicName()).isEqualTo(product.pluginKey());
            assertThat(bundle.getHeaders().get("Atlassian-Plugin-Key")).isEqualTo(product.pluginKey());
        }
    }

    @Test
    void theOtherGenerationsJarIsRefusedForWantOfItsServletApi() throws Exception {
        Generation other = generation() == Generation.JAVAX ? Generation.JAKARTA : Generation.JAVAX;
        Bundle wrong = felix.installOther(Product.JIRA.jar(other));
        try {
            assertThatThrownBy(wrong::start).isInstanceOf(org.osgi.framework.BundleException.class)
                    .hasMessageContaining(other.servletPackage());
            assertThat(wrong.getState()).isEqualTo(Bundle.INSTALLED);
        } finally {
            wrong.uninstall();
        }
    }

    @Test
    void springContextHoldsEveryBeanTheDescriptorNames() throws Exception {
        Class<?> filter = felix.servletClass("Filter");
        Class<?> servlet = felix.servletClass("http.HttpServlet");
        for (Product product : Product.values()) {
            try (PluginJar jar = new PluginJar(product.jar(generation()))) {
                for (Element module : PluginJar.modules(jar.descriptor())) {
                    String beanName = module.getAttribute("class").substring("bean:".length());
                    Object bean = felix.bean(product, beanName);
                    assertThat(bean).as(product + " " + beanName).isNotNull();
                    switch (module.getTagName()) {
                        case "servlet-filter" -> assertThat(filter.isInstance(bean)).as(beanName).isTrue();
                        case "servlet" -> assertThat(servlet.isInstance(bean)).as(beanName).isTrue();
                        default -> assertThat(module.getTagName()).startsWith("http-");
                    }
                }
            }
            for (String adapter : List.of("sessionLogin", "userDirectory", "adminAccess", "baseUrl", "homeDirectory", "lanyard")) {
                assertThat(felix.bean(product, adapter)).as(product + " " + adapter).isNotNull();
            }
        }
    }

    /**
     * The Spring XML is written once for every product (products/shared/spring), once for the Seraph products
     * (products/shared/seraph) and once per product: all of a jar's files make one context, in which every bean and
     * reference of every file is there, and the shared beans got the product's adapters.
     */
    @Test
    void everyBeanOfEverySpringFileOfTheJarIsInOneContext() throws Exception {
        for (Product product : Product.values()) {
            try (PluginJar jar = new PluginJar(product.jar(generation()))) {
                List<String> files = jar.entryNames().stream()
                        .filter(name -> name.startsWith("META-INF/spring/") && name.endsWith(".xml")).sorted().toList();
                assertThat(files).as(product.id()).contains("META-INF/spring/lanyard-shared.xml",
                        "META-INF/spring/lanyard-" + product.id() + ".xml");
                assertThat(files.contains("META-INF/spring/lanyard-seraph.xml")).as(product.id() + " Seraph beans")
                        .isEqualTo(product != Product.BITBUCKET);
                for (String id : jar.springIds()) {
                    assertThat(felix.bean(product, id)).as(product + " " + id).isNotNull();
                }
            }
            Object configuration = call(felix.bean(product, "lanyard"), "configuration");
            assertThat(configuration).as(product + ": the shared LanyardPlugin bean was made").isNotNull();
        }
    }

    @Test
    void hostReferencesReachTheHostsServices() throws Exception {
        Object adminKey = felix.hostClass("com.atlassian.sal.api.user.UserKey").getConstructor(String.class).newInstance("admin");
        host.salUserManager.returning("getRemoteUserKey", adminKey).answer("isSystemAdmin", args -> adminKey.equals(args[0]));
        try {
            for (Product product : Product.values()) {
                assertThat(call(felix.bean(product, "baseUrl"), "baseUrl")).as(product.id())
                        .isEqualTo(URI.create("https://sso.example.com/app"));
                assertThat(call(felix.bean(product, "hostProduct"), "platformId")).isEqualTo("felix");
                Object request = http.get("/plugins/servlet/lanyard/admin").proxy();
                assertThat(call(felix.bean(product, "adminAccess"), "isSystemAdministrator", request)).isEqualTo(true);
            }
        } finally {
            host.salUserManager.returning("getRemoteUserKey", null);
        }
    }

    /** The admin pages' templates are Soy, compiled and shaded into the jar: they must render in the bundle's class loader. */
    @Test
    void adminPageRendersTheIdentityProvidersForASystemAdministrator() throws Exception {
        Object adminKey = felix.hostClass("com.atlassian.sal.api.user.UserKey").getConstructor(String.class).newInstance("admin");
        Object adminProfile = Fake.of(felix.hostClass("com.atlassian.sal.api.user.UserProfile"))
                .returning("getUsername", "admin").proxy();
        host.salUserManager.returning("getRemoteUserKey", adminKey).returning("getRemoteUser", adminProfile)
                .answer("isSystemAdmin", args -> adminKey.equals(args[0]));
        host.webSudoManager.returning("canExecuteRequest", true);
        try {
            for (Product product : Product.values()) {
                FakeHttp.Response response = http.response();
                call(felix.bean(product, "adminServlet"), "service",
                        http.get("/plugins/servlet/lanyard/admin").remoteUser("admin").proxy(), response.proxy());
                assertThat(response.body()).as(product.id())
                        .contains("Corporate Keycloak", "IdP integration", "name=\"decorator\" content=\"atl.admin\"");
            }
        } finally {
            host.salUserManager.returning("getRemoteUserKey", null).returning("getRemoteUser", null);
            host.webSudoManager.returning("canExecuteRequest", false);
        }
    }

    @Test
    void everyPluginReadsProviderXmlFromTheHostsHome() throws Exception {
        for (Product product : Product.values()) {
            Object configuration = call(call(felix.bean(product, "lanyard"), "configuration"), "current");
            List<?> enabled = (List<?>) call(configuration, "enabledIdentityProviders");
            assertThat(enabled).as(product.id()).hasSize(1);
            assertThat(call(enabled.get(0), "displayName")).isEqualTo("Corporate Keycloak");
        }
    }

    @Test
    void loginServletShowsTheChooserFromTheBundledTexts() throws Exception {
        for (Product product : Product.values()) {
            FakeHttp.Response response = http.response();
            call(felix.bean(product, "loginServlet"), "service",
                    http.get("/plugins/servlet/lanyard/login").proxy(), response.proxy());
            assertThat(response.body()).as(product.id()).contains("Corporate Keycloak", "Choose where to sign in");
        }
    }

    @Test
    void basicAuthFilterLetsPasswordsThroughWhileSettingsDoNotRefuseThem() throws Exception {
        for (Product product : Product.values()) {
            Fake chain = http.chain();
            FakeHttp.Request request = http.get("/rest/api/latest/myself");
            request.fake.answer("getHeader", args -> "Authorization".equals(args[0]) ? "Basic YWxpY2U6c2VjcmV0" : null)
                    .returning("getServletPath", "/rest/api/latest/myself").returning("getRemoteAddr", "127.0.0.1");
            call(felix.bean(product, "basicAuthFilter"), "doFilter", request.proxy(), http.response().proxy(),
                    chain.proxy());
            assertThat(chain.calls("doFilter")).as(product.id()).hasSize(1);
        }
    }

    @Test
    void loginFilterLetsTheNativeLoginThrough() throws Exception {
        Map<Product, String> loginPages = Map.of(Product.JIRA, "/login.jsp", Product.CONFLUENCE, "/login.action",
                Product.BITBUCKET, "/login", Product.BAMBOO, "/userlogin!doDefault.action");
        for (Product product : Product.values()) {
            Fake chain = http.chain();
            FakeHttp.Request request = http.get(loginPages.get(product)).parameter("lanyard_native", "1");
            call(felix.bean(product, "loginFilter"), "doFilter", request.proxy(), http.response().proxy(), chain.proxy());
            assertThat(chain.calls("doFilter")).as(product.id()).hasSize(1);
        }
    }

    @Test
    void jiraLogsInThroughSalAndRecordsTheLoginWithLoginManager() throws Exception {
        FakeHttp.Request request = http.get("/plugins/servlet/lanyard/callback/corporate");
        host.jiraLoginManager.forget();
        host.authenticationListener.forget();

        call(felix.bean(Product.JIRA, "sessionLogin"), "logIn", request.proxy(), http.response().proxy(), alice(Product.JIRA));

        assertTheSalLoginOf(request, host.salAlice.proxy());
        assertThat(host.jiraLoginManager.calls("onLoginAttempt")).extracting(Fake.Call::arguments)
                .containsExactly(List.of(request.proxy(), "alice", true));
        assertThat(request.attributes).containsEntry(
                "com.atlassian.web.servlet.plugin.request.RedirectInterceptingResponse.sendRedirect", Boolean.TRUE);
        assertThat(request.currentSession().attributes).containsKey("com.atlassian.labs.botkiller.BotKiller");
        assertThat(call(felix.bean(Product.JIRA, "sessionLogin"), "isLoggedIn", request.proxy())).isEqualTo(true);
    }

    @Test
    void confluenceLogsInThroughSalInASessionMarkedSoItsListenerRecordsTheLogin() throws Exception {
        FakeHttp.Request request = http.get("/plugins/servlet/lanyard/callback/corporate");
        host.confluenceLoginManager.forget();
        host.authenticationListener.forget();

        call(felix.bean(Product.CONFLUENCE, "sessionLogin"), "logIn", request.proxy(), http.response().proxy(),
                alice(Product.CONFLUENCE));

        assertTheSalLoginOf(request, host.salAlice.proxy());
        assertThat(host.confluenceLoginManager.calls()).as("Confluence's own listener records it").isEmpty();
    }

    @Test
    void bambooLogsInThroughSalWithBamboosOwnPrincipal() throws Exception {
        FakeHttp.Request request = http.get("/plugins/servlet/lanyard/callback/corporate");
        host.authenticationListener.forget();

        call(felix.bean(Product.BAMBOO, "sessionLogin"), "logIn", request.proxy(), http.response().proxy(), alice(Product.BAMBOO));

        assertTheSalLoginOf(request, host.salAlice.proxy());
    }

    /** A new session marked as a single sign-on, then SAL's listener with a Success for the principal SAL resolved. */
    private void assertTheSalLoginOf(FakeHttp.Request request, Object principal) {
        assertThat(host.authenticationController.calls("canLogin")).extracting(call -> call.arguments().get(0))
                .contains(principal);
        List<Fake.Call> successes = host.authenticationListener.calls("authenticationSuccess");
        assertThat(successes).hasSize(1);
        Object result = successes.get(0).arguments().get(0);
        assertThat(result.getClass()).isEqualTo(felix.hostClass("com.atlassian.sal.api.auth.Authenticator$Result$Success"));
        assertThat(call(result, "getPrincipal")).isSameAs(principal);
        assertThat(successes.get(0).arguments().get(1)).isSameAs(request.proxy());
        assertThat(request.currentSession().attributes)
                .containsEntry("com.atlassian.plugins.authentication.userLoggedInWithSso", Boolean.TRUE)
                .containsEntry(SERAPH_LOGGED_IN, principal);
    }

    /** A host whose SAL has no listener: Seraph's two keys, the product's principal and its name. */
    @Test
    void withoutASalListenerTheSeraphProductsWriteBothOfSeraphsKeys() throws Exception {
        host.unregisterAuthenticationListener();
        try {
            Map<Product, Object> principals = Map.of(Product.JIRA, host.jiraAlice.proxy(), Product.BAMBOO, host.salAlice.proxy());
            for (Product product : List.of(Product.JIRA, Product.CONFLUENCE, Product.BAMBOO)) {
                FakeHttp.Request request = http.get("/plugins/servlet/lanyard/callback/corporate");
                call(felix.bean(product, "sessionLogin"), "logIn", request.proxy(), http.response().proxy(), alice(product));

                Map<String, Object> attributes = request.currentSession().attributes;
                assertThat(attributes).as(product.id()).containsEntry(SERAPH_LOGGED_IN_USER_ID, "alice");
                Object principal = attributes.get(SERAPH_LOGGED_IN);
                if (product == Product.CONFLUENCE) {
                    assertThat(principal.getClass())
                            .isEqualTo(felix.hostClass("com.atlassian.confluence.security.seraph.ConfluenceUserPrincipal"));
                    assertThat(call(principal, "getName")).isEqualTo("alice");
                } else {
                    assertThat(principal).as(product.id()).isSameAs(principals.get(product));
                }
                assertThat(request.currentSession().fake.calls("setAttribute")).extracting(call -> call.arguments().get(0))
                        .as(product.id()).contains(SERAPH_LOGGED_OUT);
                assertThat(call(felix.bean(product, "sessionLogin"), "isLoggedIn", request.proxy())).isEqualTo(true);
            }
        } finally {
            host.registerAuthenticationListener();
        }
    }

    /** SAL's canLogin says no: the product's own code and page, and no session made or changed. */
    @Test
    void aUserTheProductDoesNotLetInIsRefusedWithItsOwnCodeOnEveryProduct() throws Exception {
        for (Product product : Product.values()) {
            FakeHttp.Request request = http.get("/plugins/servlet/lanyard/callback/corporate");
            Object dora = user(product, FakeHost.REFUSED_USER);
            assertThatThrownBy(() -> call(felix.bean(product, "sessionLogin"), "logIn", request.proxy(),
                    http.response().proxy(), dora))
                    .as(product.id())
                    .satisfies(e -> assertThat(String.valueOf(call(call(e, "errorCode"), "code"))).isEqualTo("LNY-505"));
            assertThat(request.currentSession()).as(product.id() + ": no session").isNull();
        }
    }

    @Test
    void bitbucketHandlerLogsInTheVerifiedUserOnceAndValidatesTheSession() throws Exception {
        Object handler = felix.bean(Product.BITBUCKET, "authenticationHandler");
        FakeHttp.Request callback = http.get("/plugins/servlet/lanyard/callback/corporate");
        call(felix.bean(Product.BITBUCKET, "sessionLogin"), "logIn", callback.proxy(), http.response().proxy(),
                alice(Product.BITBUCKET));
        FakeHttp.Session session = callback.currentSession();
        assertThat(call(felix.bean(Product.BITBUCKET, "sessionLogin"), "isLoggedIn", callback.proxy())).isEqualTo(true);

        FakeHttp.Request next = http.get("/projects").session(session);
        Object result = call(handler, "performAuthentication", context("HttpAuthenticationContext", next));
        assertThat(result.getClass()).isEqualTo(felix.hostClass("com.atlassian.bitbucket.auth.AuthenticationResult"));
        assertThat(call(result, "getUser")).isSameAs(host.bitbucketAlice.proxy());
        assertThat(call(handler, "performAuthentication", context("HttpAuthenticationContext", http.get("/projects").session(session))))
                .as("the verified username is consumed").isNull();

        assertThat(call(handler, "onAuthenticationSuccess", context("HttpAuthenticationSuccessContext", next))).isEqualTo(false);
        assertThat(session.attributes).containsOnly(Map.entry("io.lanyard.bitbucket.sso-identity", "alice"),
                Map.entry(FakeHost.SSO_SESSION, Boolean.TRUE));

        call(handler, "validateAuthentication", context("HttpAuthenticationContext", http.get("/projects").session(session).remoteUser("alice")));
        Object mismatch = context("HttpAuthenticationContext", http.get("/projects").session(session).remoteUser("mallory"));
        assertThatThrownBy(() -> call(handler, "validateAuthentication", mismatch))
                .isInstanceOf(felix.hostClass("com.atlassian.bitbucket.auth.ExpiredAuthenticationException"));
        assertThat(session.attributes).doesNotContainKey("io.lanyard.bitbucket.sso-identity");
    }

    /**
     * Bitbucket (issue 15): its logout URL goes through Lanyard's logout filter, which has Bitbucket's own
     * RememberMeService clear the remember-me cookie and its tokens before Bitbucket logs out; so does the revocation
     * filter when it ends a session a back-channel logout revoked (the same rememberMe bean).
     */
    @Test
    void bitbucketsLogoutClearsItsRememberMeCookieThroughItsOwnService() throws Exception {
        host.bitbucketRememberMeService.forget();
        Fake chain = http.chain();
        FakeHttp.Request request = http.get("/j_atl_security_logout");
        FakeHttp.Response response = http.response();

        call(felix.bean(Product.BITBUCKET, "logoutFilter"), "doFilter", request.proxy(), response.proxy(),
                chain.proxy());

        assertThat(host.bitbucketRememberMeService.calls("logout")).extracting(Fake.Call::arguments)
                .containsExactly(List.of(request.proxy(), response.proxy()));
        assertThat(chain.calls("doFilter")).as("Bitbucket's own logout runs").hasSize(1);
        assertThat(felix.bean(Product.BITBUCKET, "rememberMe").getClass().getName())
                .isEqualTo("io.lanyard.bitbucket.BitbucketRememberMe");
    }

    /** Seraph's remember-me service comes from the product's Seraph configuration, as Atlassian's SSO reaches it. */
    @Test
    void logoutRemovesTheRememberMeCookieAndSurvivesAProductWithoutSeraphsConfiguration() throws Exception {
        for (Product product : List.of(Product.JIRA, Product.CONFLUENCE, Product.BAMBOO)) {
            host.rememberMeService.forget();
            Fake chain = http.chain();
            FakeHttp.Request request = http.get("/logout");
            FakeHttp.Response response = http.response();
            call(felix.bean(product, "logoutFilter"), "doFilter", request.proxy(), response.proxy(), chain.proxy());
            assertThat(host.rememberMeService.calls("removeRememberMeCookie")).extracting(Fake.Call::arguments)
                    .as(product.id()).containsExactly(List.of(request.proxy(), response.proxy()));
            assertThat(chain.calls("doFilter")).hasSize(1);
        }
        host.removeSeraphConfiguration();
        try {
            for (Product product : List.of(Product.JIRA, Product.CONFLUENCE, Product.BAMBOO)) {
                Fake chain = http.chain();
                long start = System.nanoTime();
                call(felix.bean(product, "logoutFilter"), "doFilter", http.get("/logout").proxy(), http.response().proxy(),
                        chain.proxy());
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no wait")
                        .isLessThan(Duration.ofSeconds(5));
                assertThat(chain.calls("doFilter")).as(product.id()).hasSize(1);
            }
        } finally {
            host.installSeraphConfiguration();
        }
    }

    /** The core's view of alice, made with the plugin's own copy of the class. */
    private Object alice(Product product) throws Exception {
        return user(product, "alice");
    }

    private Object user(Product product, String name) throws Exception {
        Class<?> hostUser = felix.plugin(product).loadClass("io.lanyard.core.host.HostUser");
        Constructor<?> constructor = hostUser.getConstructor(String.class, String.class, String.class, boolean.class);
        return constructor.newInstance(name, name, name + "@example.com", true);
    }

    private Object context(String type, FakeHttp.Request request) {
        return Fake.of(felix.hostClass("com.atlassian.bitbucket.auth." + type)).returning("getRequest", request.proxy()).proxy();
    }
}
