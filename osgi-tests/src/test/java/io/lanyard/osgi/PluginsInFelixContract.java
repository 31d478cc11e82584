package io.lanyard.osgi;

import static io.lanyard.osgi.FelixHost.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
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

    private static final String SERAPH_LOGGED_IN = "seraph_defaultauthenticator_user";
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
    void jiraLoginPutsTheApplicationUserInSeraphsSession() throws Exception {
        FakeHttp.Request request = http.get("/plugins/servlet/lanyard/callback/corporate");
        host.jiraLoginManager.forget();
        host.jiraAuthenticationContext.forget();

        call(felix.bean(Product.JIRA, "sessionLogin"), "logIn", request.proxy(), http.response().proxy(), alice(Product.JIRA));

        FakeHttp.Session session = request.currentSession();
        assertThat(session.attributes).containsOnly(Map.entry(SERAPH_LOGGED_IN, host.jiraAlice.proxy()));
        assertThat(session.fake.calls("setAttribute")).extracting(Fake.Call::arguments).containsExactly(
                List.of(SERAPH_LOGGED_IN, host.jiraAlice.proxy()), java.util.Arrays.asList(SERAPH_LOGGED_OUT, null));
        assertThat(host.jiraAuthenticationContext.calls("setLoggedInUser")).extracting(Fake.Call::arguments)
                .containsExactly(List.of(host.jiraAlice.proxy()));
        assertThat(host.jiraLoginManager.calls("onLoginAttempt")).extracting(Fake.Call::arguments)
                .containsExactly(List.of(request.proxy(), "alice", true));
        assertThat(call(felix.bean(Product.JIRA, "sessionLogin"), "isLoggedIn", request.proxy())).isEqualTo(true);
    }

    @Test
    void seraphKeysAreReadFromTheHostsClassNotCopiedIntoThePlugin() throws Exception {
        Field loggedIn = felix.hostClass("com.atlassian.seraph.auth.DefaultAuthenticator").getField("LOGGED_IN_KEY");
        Object original = loggedIn.get(null);
        loggedIn.set(null, "key-chosen-by-the-host");
        try {
            FakeHttp.Request request = http.get("/plugins/servlet/lanyard/callback/corporate");
            call(felix.bean(Product.JIRA, "sessionLogin"), "logIn", request.proxy(), http.response().proxy(), alice(Product.JIRA));
            assertThat(request.currentSession().attributes).containsOnlyKeys("key-chosen-by-the-host");
        } finally {
            loggedIn.set(null, original);
        }
    }

    @Test
    void confluenceLoginPutsAConfluenceUserPrincipalInSeraphsSession() throws Exception {
        FakeHttp.Request request = http.get("/plugins/servlet/lanyard/callback/corporate");
        host.confluenceLoginManager.forget();

        call(felix.bean(Product.CONFLUENCE, "sessionLogin"), "logIn", request.proxy(), http.response().proxy(),
                alice(Product.CONFLUENCE));

        Map<String, Object> attributes = request.currentSession().attributes;
        assertThat(attributes).containsOnlyKeys(SERAPH_LOGGED_IN);
        Object principal = attributes.get(SERAPH_LOGGED_IN);
        assertThat(principal.getClass()).isEqualTo(felix.hostClass("com.atlassian.confluence.security.seraph.ConfluenceUserPrincipal"));
        assertThat(call(principal, "getName")).isEqualTo("alice");
        assertThat(request.currentSession().fake.calls("setAttribute")).extracting(call -> call.arguments().get(0))
                .containsExactly(SERAPH_LOGGED_IN, SERAPH_LOGGED_OUT);
        Object threadLocalUser = felix.hostClass("com.atlassian.confluence.user.AuthenticatedUserThreadLocal")
                .getMethod("get").invoke(null);
        assertThat(threadLocalUser).isSameAs(host.confluenceAlice.proxy());
        assertThat(host.confluenceLoginManager.calls("onSuccessfulLoginAttempt")).extracting(Fake.Call::arguments)
                .containsExactly(List.of("alice", request.proxy()));
    }

    @Test
    void bambooLoginPutsTheCrowdUserInSeraphsSession() throws Exception {
        FakeHttp.Request request = http.get("/plugins/servlet/lanyard/callback/corporate");

        call(felix.bean(Product.BAMBOO, "sessionLogin"), "logIn", request.proxy(), http.response().proxy(), alice(Product.BAMBOO));

        assertThat(request.currentSession().attributes).containsOnly(Map.entry(SERAPH_LOGGED_IN, host.crowdAlice.proxy()));
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
        assertThat(session.attributes).containsOnly(Map.entry("io.lanyard.bitbucket.sso-identity", "alice"));

        call(handler, "validateAuthentication", context("HttpAuthenticationContext", http.get("/projects").session(session).remoteUser("alice")));
        Object mismatch = context("HttpAuthenticationContext", http.get("/projects").session(session).remoteUser("mallory"));
        assertThatThrownBy(() -> call(handler, "validateAuthentication", mismatch))
                .isInstanceOf(felix.hostClass("com.atlassian.bitbucket.auth.ExpiredAuthenticationException"));
        assertThat(session.attributes).isEmpty();
    }

    @Test
    void logoutRemovesTheRememberMeCookieAndSurvivesAHostWithoutTheService() throws Exception {
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
        host.unregisterRememberMeService();
        try {
            for (Product product : List.of(Product.JIRA, Product.CONFLUENCE, Product.BAMBOO)) {
                Fake chain = http.chain();
                long start = System.nanoTime();
                call(felix.bean(product, "logoutFilter"), "doFilter", http.get("/logout").proxy(), http.response().proxy(),
                        chain.proxy());
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no wait for the missing service")
                        .isLessThan(Duration.ofSeconds(5));
                assertThat(chain.calls("doFilter")).as(product.id()).hasSize(1);
            }
        } finally {
            host.registerRememberMeService();
        }
    }

    /** The core's view of alice, made with the plugin's own copy of the class. */
    private Object alice(Product product) throws Exception {
        Class<?> hostUser = felix.plugin(product).loadClass("io.lanyard.core.host.HostUser");
        Constructor<?> constructor = hostUser.getConstructor(String.class, String.class, String.class, boolean.class);
        return constructor.newInstance("alice", "Alice Anderson", "alice@example.com", true);
    }

    private Object context(String type, FakeHttp.Request request) {
        return Fake.of(felix.hostClass("com.atlassian.bitbucket.auth." + type)).returning("getRequest", request.proxy()).proxy();
    }
}
