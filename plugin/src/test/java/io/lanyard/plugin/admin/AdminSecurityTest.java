package io.lanyard.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.change.ConfigurationService;
import io.lanyard.core.config.xml.ConfigurationFiles;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.plugin.admin.integration.IdentityProviderForm;
import io.lanyard.plugin.lifecycle.LanyardAdministration;
import io.lanyard.plugin.lifecycle.LanyardSecrets;
import io.lanyard.plugin.session.AdminAccess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who reaches the admin pages and the API, and what never leaves them. */
class AdminSecurityTest {

    private static final String SECRET = "Sup3r-S3cret-Value-7f1e";
    private static final String INJECTION = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>";

    @TempDir
    Path home;

    private String user = "admin";
    private boolean administrator = true;
    private boolean webSudoPassed = true;
    private ConfigurationHolder holder;
    private IntegrationXmlStore<IdentityProviderConfig> store;
    private HttpServlet pages;
    private HttpServlet api;
    private HttpSession session;

    private final AdminAccess access = new AdminAccess() {
        @Override
        public Optional<String> currentUsername(HttpServletRequest request) {
            return Optional.ofNullable(user);
        }

        @Override
        public boolean isSystemAdministrator(HttpServletRequest request) {
            return administrator;
        }

        @Override
        public boolean passWebSudo(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (!webSudoPassed) {
                response.setStatus(HttpServletResponse.SC_FOUND);
                response.setHeader("Location", "/jira/secure/admin/WebSudoAuthenticate!default.jspa");
            }
            return webSudoPassed;
        }
    };

    @BeforeEach
    void setUp() {
        IdentityProviderConfig provider = IdentityProviderConfig.builder().id("abc123").displayName("Keycloak")
                .discoveryUrl("https://idp.example.com/realms/acme").clientId("lanyard")
                .clientSecret(StoredSecret.plaintext(Secret.of(SECRET))).build();
        holder = new ConfigurationHolder(new LanyardConfiguration(List.of(provider)));
        store = IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, home);
        store.save(holder.current());
        HttpLimits limits = new HttpLimits(Duration.ofMillis(300), Duration.ofMillis(300), 65536);
        LanyardAdministration web = new LanyardAdministration(Optional.of(new ConfigurationService(holder,
                new ConfigurationFiles(home), ClientSecretResolver.fileOnly())), access,
                new LanyardSecrets(holder, ClientSecretResolver.fileOnly(), Optional.of(home), "Lanyard test",
                        EntraEndpoints.NATIONAL_CLOUDS, limits, Clock.systemUTC()),
                () -> URI.create("https://jira.example.com/jira"), LoginPage.JIRA, AdminPageLayout.hostDecorated(),
                limits, Clock.systemUTC());
        pages = web.adminServlet();
        api = web.apiServlet();
        session = AdminHttp.session();
    }

    private AdminHttp.Response call(HttpServlet servlet, AdminHttp.Request request) throws Exception {
        AdminHttp.Response response = new AdminHttp.Response();
        servlet.service(request.mock, response.mock);
        return response;
    }

    private AdminHttp.Request page(String method, String path) {
        return new AdminHttp.Request(method, "/plugins/servlet/lanyard/admin" + path, session);
    }

    private AdminHttp.Request apiRequest(String method, String path) {
        return new AdminHttp.Request(method, "/plugins/servlet/lanyard/api" + path, session);
    }

    private String token() throws Exception {
        call(pages, page("GET", ""));
        return (String) session.getAttribute(XsrfTokens.SESSION_ATTRIBUTE);
    }

    private byte[] storedFile() throws IOException {
        return Files.readAllBytes(store.file());
    }

    @Test
    void aNonAdministratorIsRefusedThePagesAndTheApiWithLny701() throws Exception {
        administrator = false;
        user = "alice";

        AdminHttp.Response page = call(pages, page("GET", "/idp/abc123"));
        AdminHttp.Response json = call(api, apiRequest("GET", "/idps"));

        assertThat(page.status).isEqualTo(403);
        assertThat(page.body()).contains("LNY-701").doesNotContain("Keycloak").doesNotContain("idp-form");
        assertThat(json.status).isEqualTo(403);
        assertThat(json.body()).contains("\"code\":\"LNY-701\"").doesNotContain("Keycloak");
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPageAndTheApiAnswers401() throws Exception {
        user = null;

        AdminHttp.Response page = call(pages, page("GET", ""));
        AdminHttp.Response json = call(api, apiRequest("GET", "/idps"));

        assertThat(page.status).isEqualTo(302);
        assertThat(page.headers.get("Location"))
                .isEqualTo("/jira/login.jsp?os_destination=%2Fplugins%2Fservlet%2Flanyard%2Fadmin");
        assertThat(json.status).isEqualTo(401);
        assertThat(json.body()).contains("LNY-700");
    }

    @Test
    void aFormPostWithoutOrWithAWrongXsrfTokenIsRefusedWithLny702AndChangesNothing() throws Exception {
        String good = token();
        byte[] before = storedFile();

        AdminHttp.Response missing = call(pages, page("POST", "/idp/abc123/delete"));
        AdminHttp.Response wrong = call(pages, page("POST", "/idp/abc123/delete")
                .parameter(XsrfTokens.FORM_FIELD, good.substring(1) + "x"));

        assertThat(missing.status).isEqualTo(403);
        assertThat(missing.body()).contains("LNY-702");
        assertThat(wrong.status).isEqualTo(403);
        assertThat(holder.current().identityProviders()).hasSize(1);
        assertThat(storedFile()).isEqualTo(before);

        AdminHttp.Response accepted = call(pages, page("POST", "/idp/abc123/delete").parameter(XsrfTokens.FORM_FIELD, good));
        assertThat(accepted.status).isEqualTo(303);
        assertThat(holder.current().identityProviders()).isEmpty();
    }

    @Test
    void aFormPostWithTheXsrfTokenInTheQueryStringIsRefusedWithLny702() throws Exception {
        String good = token();
        byte[] before = storedFile();
        // the servlet API hands query parameters out as parameters too: the container would merge it into them
        AdminHttp.Request inUrl = page("POST", "/idp/abc123/delete").parameter(XsrfTokens.FORM_FIELD, good);
        when(inUrl.mock.getQueryString()).thenReturn(XsrfTokens.FORM_FIELD + "=" + good);
        AdminHttp.Request encodedName = page("POST", "/idp/abc123/delete").parameter(XsrfTokens.FORM_FIELD, good);
        when(encodedName.mock.getQueryString()).thenReturn("a=1&lanyard%5Fxsrf=" + good);

        assertThat(call(pages, inUrl).body()).contains("LNY-702");
        assertThat(call(pages, encodedName).status).isEqualTo(403);
        assertThat(storedFile()).isEqualTo(before);

        AdminHttp.Request inHeader = page("POST", "/idp/abc123/delete").header(XsrfTokens.HEADER, good);
        when(inHeader.mock.getQueryString()).thenReturn("unrelated=1");
        assertThat(call(pages, inHeader).status).isEqualTo(303);
        assertThat(holder.current().identityProviders()).isEmpty();
    }

    @Test
    void anApiChangeWithoutTheXsrfHeaderIsRefusedEvenWithTheTokenAsAFormField() throws Exception {
        String good = token();

        AdminHttp.Response refused = call(api, apiRequest("DELETE", "/idps/abc123").parameter(XsrfTokens.FORM_FIELD, good));
        assertThat(refused.status).isEqualTo(403);
        assertThat(refused.body()).contains("LNY-702");
        assertThat(holder.current().identityProviders()).hasSize(1);

        AdminHttp.Response accepted = call(api, apiRequest("DELETE", "/idps/abc123").header(XsrfTokens.HEADER, good));
        assertThat(accepted.status).isEqualTo(200);
        assertThat(holder.current().identityProviders()).isEmpty();
    }

    @Test
    void aWebSudoDenialIsHonouredAndNothingElseIsWritten() throws Exception {
        String good = token();
        webSudoPassed = false;

        AdminHttp.Response page = call(pages, page("POST", "/idp/abc123/delete").parameter(XsrfTokens.FORM_FIELD, good));
        AdminHttp.Response json = call(api, apiRequest("GET", "/export"));

        assertThat(page.status).isEqualTo(302);
        assertThat(page.headers.get("Location")).contains("WebSudoAuthenticate");
        assertThat(page.body()).isEmpty();
        assertThat(json.body()).isEmpty();
        assertThat(holder.current().identityProviders()).hasSize(1);
    }

    @Test
    void htmlTypedIntoEveryFieldIsShownInertWhenTheFormIsRefused() throws Exception {
        AdminHttp.Request post = page("POST", "/idp/new").parameter(XsrfTokens.FORM_FIELD, token()).parameter("id", "newone");
        for (String field : IdentityProviderForm.newProvider("x").toSoy().keySet()) {
            post.parameter(field, INJECTION);
        }

        AdminHttp.Response response = call(pages, post);

        assertThat(response.status).isEqualTo(400);
        assertThat(response.body()).contains("id=\"form-errors\"")
                .doesNotContain("<script>alert").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void htmlInAStoredProvidersValuesIsShownInertOnTheListAndTheEditPage() throws Exception {
        holder.replace(new LanyardConfiguration(List.of(holder.current().identityProviders().get(0).toBuilder()
                .displayName(INJECTION).clientId(INJECTION).usernamePattern("<b>(.*)</b>").build())));

        String list = call(pages, page("GET", "/idp")).body();
        String edit = call(pages, page("GET", "/idp/abc123")).body();

        for (String html : List.of(list, edit)) {
            assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>(");
        }
        assertThat(edit).contains("value=\"&quot;&#39;&gt;&lt;script&gt;");
    }

    @Test
    void theStoredSecretAppearsInNoResponseBody() throws Exception {
        String xsrf = token();
        List<AdminHttp.Response> responses = List.of(
                call(pages, page("GET", "")),
                call(pages, page("GET", "/idp/abc123")),
                call(pages, page("GET", "/idp/abc123/delete")),
                call(pages, page("POST", "/idp/abc123/test").parameter(XsrfTokens.FORM_FIELD, xsrf)),
                call(pages, page("POST", "/idp/abc123").parameter(XsrfTokens.FORM_FIELD, xsrf)
                        .parameter("clientSecret", "Typed-" + SECRET).parameter("displayName", "")),
                call(api, apiRequest("GET", "/idps")),
                call(api, apiRequest("GET", "/idps/abc123")),
                call(api, apiRequest("GET", "/export")),
                call(api, apiRequest("POST", "/idps/abc123/test").header(XsrfTokens.HEADER, xsrf)));

        for (AdminHttp.Response response : responses) {
            assertThat(response.body()).doesNotContain(SECRET).doesNotContain("S3cret");
        }
        assertThat(responses.get(1).body()).contains("id=\"field-clientSecret\" name=\"clientSecret\" value=\"\"");
        assertThat(responses.get(4).status).isEqualTo(400);
        assertThat(responses.get(6).body()).contains("\"source\":\"CONFIGURATION_FILE\"");
    }

    @Test
    void malformedOrHostileImportsAreRefusedWithAStableCodeAndChangeNothing() throws Exception {
        String xsrf = token();
        byte[] before = storedFile();
        LanyardConfiguration running = holder.current();
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String huge = "{\"version\":1,\"identityProviders\":[],\"x\":\"" + "a".repeat(300_000) + "\"}";
        List<String> bodies = List.of("{", "not json", "{\"version\":1,\"identityProviders\":[]} trailing",
                "{\"version\":1,\"version\":1,\"identityProviders\":[]}",
                "{\"version\":1,\"identityProviders\":[],\"__proto__\":{}}",
                "{\"version\":\"1\",\"identityProviders\":[]}", deep,
                "{\"version\":2,\"identityProviders\":[]}",
                "{\"version\":1,\"identityProviders\":[{\"id\":\"x1\",\"displayName\":\"X\",\"discoveryUrl\":\"ftp://x\"}]}");

        for (String body : bodies) {
            AdminHttp.Response response = call(api, apiRequest("POST", "/import").header(XsrfTokens.HEADER, xsrf).json(body));
            assertThat(response.status).as(body.length() > 80 ? body.substring(0, 80) : body).isEqualTo(400);
            assertThat(response.body()).containsAnyOf("LNY-703", "LNY-706");
        }
        AdminHttp.Response tooLarge = call(api, apiRequest("POST", "/import").header(XsrfTokens.HEADER, xsrf).json(huge));
        AdminHttp.Response notJson = call(api, apiRequest("POST", "/import").header(XsrfTokens.HEADER, xsrf)
                .header("Content-Type", "text/plain"));

        assertThat(tooLarge.status).isEqualTo(413);
        assertThat(tooLarge.body()).contains("LNY-704");
        assertThat(notJson.status).isEqualTo(415);
        assertThat(holder.current()).isSameAs(running);
        assertThat(storedFile()).isEqualTo(before);
    }

    @Test
    void anImportKeepsTheStoredSecretOfAnExistingIdAndNeverExportsIt() throws Exception {
        String xsrf = token();
        String exported = call(api, apiRequest("GET", "/export")).body();
        String renamed = exported.replace("\"displayName\":\"Keycloak\"", "\"displayName\":\"Imported\"");

        AdminHttp.Response response = call(api, apiRequest("POST", "/import").header(XsrfTokens.HEADER, xsrf).json(renamed));

        assertThat(response.status).isEqualTo(200);
        IdentityProviderConfig imported = holder.current().identityProvider("abc123").orElseThrow();
        assertThat(imported.displayName()).isEqualTo("Imported");
        assertThat(imported.clientSecret().plaintext().orElseThrow().reveal()).isEqualTo(SECRET);
        assertThat(store.load()).isEqualTo(holder.current().identityProviders());
        assertThat(exported).doesNotContain(SECRET).doesNotContain("clientSecret\":");
    }
}
