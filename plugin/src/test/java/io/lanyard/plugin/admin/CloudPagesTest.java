package io.lanyard.plugin.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.lanyard.plugin.admin.EntraAdminFixture.CLIENT_ID;
import static io.lanyard.plugin.admin.EntraAdminFixture.STORED_SECRET;
import static io.lanyard.plugin.admin.EntraAdminFixture.TENANT;
import static io.lanyard.plugin.admin.EntraAdminFixture.connector;
import static io.lanyard.plugin.admin.EntraAdminFixture.provider;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.NationalCloud;
import io.lanyard.plugin.admin.integration.EntraConnectorForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Cloud integration" pages over real files: list, add with validation, edit, enable/disable, delete after a
 * confirmation, and "Test" against WireMock standing in for Entra ID and Microsoft Graph.
 */
class CloudPagesTest {

    private static final String INJECTION = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>";

    @TempDir
    Path home;
    private EntraAdminFixture fixture;
    private WireMockServer entra;
    private AdminWebFixture admin;

    @BeforeEach
    void start() {
        fixture = EntraAdminFixture.start(home);
        entra = fixture.entra;
        admin = fixture.admin;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static Map<String, String> form(String displayName, String tenant, String clientId, String cloud) {
        Map<String, String> form = new HashMap<>();
        form.put("displayName", displayName);
        form.put("enabled", "true");
        form.put("tenantId", tenant);
        form.put("clientId", clientId);
        form.put("nationalCloud", cloud);
        form.put("graphBaseUrl", "");
        return form;
    }

    private void tokenAndOrganization(String organizationName) {
        entra.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"tok-123\"}")));
        entra.stubFor(get(urlPathEqualTo("/v1.0/organization")).withHeader("Authorization", equalTo("Bearer tok-123"))
                .willReturn(okJson("{\"value\":[{\"id\":\"0a1b2c3d-4e5f-6789-abcd-ef0123456789\",\"displayName\":"
                        + "\"" + organizationName.replace("\"", "\\\"") + "\"}]}")));
    }

    @Test
    void theListShowsNameTenantStatusAndSecretSourceOfEachConnector() throws Exception {
        String html = admin.get("/cloud").body();

        assertThat(html).contains("data-connector-id=\"wdlfqm6se9un\"", ">Contoso</a>", "<code>" + TENANT + "</code>",
                "Enabled", "data-source=\"CONFIGURATION_FILE\">Configuration file<", "id=\"add-connector\"");
        assertThat(html).doesNotContain(STORED_SECRET);
    }

    @Test
    void aNewConnectorIsSavedToConnectorXmlWithItsTypedSecretAndTheProvidersStay() throws Exception {
        String newForm = admin.get("/cloud/new").body();
        String id = newForm.replaceAll("(?s).*name=\"id\" value=\"([a-z0-9]{12})\".*", "$1");
        assertThat(id).matches("[a-z0-9]{12}");
        assertThat(newForm).contains("ORG_KANTEGA_ATLASKERB_CONNECTOR_AZURE_AZUREADCONNECTORTYPE_" + id
                + "_CLIENTSECRET");

        Map<String, String> form = form("Fabrikam", "0a1b2c3d-4e5f-6789-abcd-ef0123456789", CLIENT_ID, "US_GOV");
        form.put("id", id);
        form.put("clientSecret", "typed-secret");
        AdminHttp.Response saved = admin.post("/cloud/new", form);

        assertThat(saved.status).isEqualTo(303);
        assertThat(saved.headers.get("Location")).isEqualTo("/jira" + AdminWebFixture.PAGES + "/cloud?saved=" + id);
        EntraConnectorConfig stored = admin.connectorXml().load().get(1);
        assertThat(stored.id()).isEqualTo(id);
        assertThat(stored.nationalCloud()).isEqualTo(NationalCloud.US_GOV);
        assertThat(stored.clientSecret().plaintext().orElseThrow().reveal()).isEqualTo("typed-secret");
        assertThat(admin.holder.current().identityProviders()).containsExactly(provider());
        assertThat(admin.get("/cloud", Map.of("saved", id)).body()).contains("id=\"saved-message\"", "Fabrikam");
    }

    @Test
    void invalidFieldsAreShownBesideThemWithWhatWasTypedButNotTheSecret() throws Exception {
        Map<String, String> form = form("Fabrikam", "not a tenant", "not-a-guid", "MARS");
        form.put("id", "abcdefabcdef");
        form.put("graphBaseUrl", "http://graph.example.com");
        form.put("clientSecret", "typed-secret-never-shown");

        AdminHttp.Response refused = admin.post("/cloud/new", form);

        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"form-errors\"",
                "data-field=\"tenantId\"", "data-field=\"clientId\"", "data-field=\"nationalCloud\"",
                "data-field=\"graphBaseUrl\"", "value=\"not a tenant\"", "value=\"not-a-guid\"", "value=\"Fabrikam\"",
                "value=\"http://graph.example.com\"")
                .doesNotContain("typed-secret-never-shown");
        assertThat(admin.connectorXml().load()).containsExactly(connector());
    }

    @Test
    void htmlTypedIntoEveryFieldIsShownInert() throws Exception {
        Map<String, String> form = new HashMap<>();
        EntraConnectorForm.newConnector("x").toSoy().keySet().forEach(field -> form.put(field, INJECTION));
        form.put("id", "abcdefabcdef");

        String html = admin.post("/cloud/new", form).body();

        assertThat(html).contains("id=\"form-errors\"", "&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert").doesNotContain("<img src=x");
    }

    @Test
    void editingWithAnEmptySecretFieldKeepsTheStoredSecretAndTheSecretIsNeverInThePage() throws Exception {
        String edit = admin.get("/cloud/wdlfqm6se9un").body();
        assertThat(edit).contains("id=\"field-clientSecret\" name=\"clientSecret\" value=\"\"")
                .doesNotContain(STORED_SECRET);

        Map<String, String> form = form("Contoso renamed", TENANT, CLIENT_ID, "GLOBAL");
        form.put("clientSecret", "");
        assertThat(admin.post("/cloud/wdlfqm6se9un", form).status).isEqualTo(303);

        EntraConnectorConfig stored = admin.connectorXml().load().get(0);
        assertThat(stored.displayName()).isEqualTo("Contoso renamed");
        assertThat(stored.clientSecret().plaintext().orElseThrow().reveal()).isEqualTo(STORED_SECRET);
    }

    @Test
    void disableEnableAndDeleteAfterConfirmation() throws Exception {
        assertThat(admin.post("/cloud/wdlfqm6se9un/disable", Map.of()).status).isEqualTo(303);
        assertThat(admin.connectorXml().load().get(0).enabled()).isFalse();
        assertThat(admin.post("/cloud/wdlfqm6se9un/enable", Map.of()).status).isEqualTo(303);
        assertThat(admin.connectorXml().load().get(0).enabled()).isTrue();

        String confirmation = admin.get("/cloud/wdlfqm6se9un/delete").body();
        assertThat(confirmation).contains("id=\"delete-name\">Contoso<", "id=\"confirm-delete\"");
        assertThat(admin.connectorXml().load()).hasSize(1);

        AdminHttp.Response deleted = admin.post("/cloud/wdlfqm6se9un/delete", Map.of());
        assertThat(deleted.status).isEqualTo(303);
        assertThat(admin.connectorXml().load()).isEmpty();
        assertThat(admin.holder.current().entraConnectors()).isEmpty();
        assertThat(admin.holder.current().identityProviders()).hasSize(1);
    }

    @Test
    void testInTheListShowsTheOrganizationGraphReturnedEscapedBelowTheConnectorsRowWithoutTheForm() throws Exception {
        tokenAndOrganization("Contoso <Ltd> & Co");

        AdminHttp.Response tested = admin.post("/cloud/wdlfqm6se9un/test", Map.of());

        assertThat(tested.status).isEqualTo(200);
        assertThat(tested.body()).contains("data-passed=\"true\"",
                "id=\"connector-check-result\"", "id=\"connector-organization\">Contoso &lt;Ltd&gt; &amp; Co<")
                .doesNotContain("tok-123").doesNotContain(STORED_SECRET).doesNotContain("id=\"integration-form\"");
        String list = tested.body();
        assertThat(list.indexOf("class=\"lanyard-test-row\"")).as("the result's row follows the connector's")
                .isGreaterThan(list.indexOf("data-connector-id=\"wdlfqm6se9un\""));
        entra.verify(postRequestedFor(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .withFormParam("client_secret", equalTo(STORED_SECRET)));
    }

    @Test
    void testOfTheFormUsesWhatWasTypedWithoutSavingIt() throws Exception {
        tokenAndOrganization("Contoso");
        Map<String, String> form = form("Not saved", TENANT, CLIENT_ID, "GLOBAL");
        form.put("clientSecret", "typed-for-the-test");
        form.put("action", "test");
        byte[] before = Files.readAllBytes(admin.connectorXml().file());

        String html = admin.post("/cloud/wdlfqm6se9un", form).body();

        assertThat(html).contains("data-passed=\"true\"", "value=\"Not saved\"").doesNotContain("typed-for-the-test");
        entra.verify(postRequestedFor(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .withFormParam("client_secret", equalTo("typed-for-the-test")));
        assertThat(admin.connectorXml().file()).hasBinaryContent(before);
    }

    @Test
    void aTestOfAFormWithInvalidFieldsTestsNothingAndSaysSoWhereTestWasPressed() throws Exception {
        Map<String, String> form = form("Not saved", TENANT, "not-a-guid", "GLOBAL");
        form.put("action", "test");

        AdminHttp.Response refused = admin.post("/cloud/wdlfqm6se9un", form);

        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"form-errors\"", "id=\"test-refused\"", "href=\"#form-errors\"")
                .doesNotContain("connector-check-result");
        entra.verify(0, postRequestedFor(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token")));
    }

    @Test
    void theBannerListsEachRefusedFieldInTheFormsOrderWithALinkToIt() throws Exception {
        Map<String, String> form = form("", "not a tenant", "not-a-guid", "GLOBAL");
        form.put("id", "abcdefabcdef");

        String html = admin.post("/cloud/new", form).body();

        int start = html.indexOf("id=\"form-errors\"");
        String banner = html.substring(start, html.indexOf("</ul>", start));
        assertThat(banner).contains("<a href=\"#field-displayName\">Display name</a>: ",
                "<a href=\"#field-tenantId\">Directory (tenant) ID</a>: ",
                "<a href=\"#field-clientId\">Application (client) ID</a>: ");
        assertThat(banner.indexOf("#field-displayName")).isLessThan(banner.indexOf("#field-tenantId"));
        assertThat(banner.indexOf("#field-tenantId")).isLessThan(banner.indexOf("#field-clientId"));
        assertThat(html).contains("id=\"field-displayName\"", "id=\"field-tenantId\"", "id=\"field-clientId\"");
    }

    @Test
    void aRefusedTokenShowsEntrasErrorAndDescriptionEscapedWithLny711() throws Exception {
        entra.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client "
                        + "secret provided. <script>alert(3)</script>\"}")));

        String html = admin.post("/cloud/wdlfqm6se9un/test", Map.of()).body();

        assertThat(html).contains("data-passed=\"false\"", "data-code=\"LNY-711\"", "Microsoft Entra ID answered:",
                "id=\"remote-error-code\">invalid_client<", "AADSTS7000215: Invalid client secret provided.",
                "&lt;script&gt;alert(3)&lt;/script&gt;").doesNotContain("<script>alert(3)");
    }

    @Test
    void aGraphRefusalShowsGraphsCodeAndMessageWithLny712() throws Exception {
        entra.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"access_token\":\"tok-123\"}")));
        entra.stubFor(get(urlPathEqualTo("/v1.0/organization")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":"
                        + "\"Authorization_RequestDenied\",\"message\":\"Insufficient privileges to complete the "
                        + "operation.\"}}")));

        String html = admin.post("/cloud/wdlfqm6se9un/test", Map.of()).body();

        assertThat(html).contains("data-code=\"LNY-712\"", "Microsoft Graph answered:",
                "Authorization_RequestDenied", "Insufficient privileges to complete the operation.",
                "Organization.Read.All");
    }

    @Test
    void aNonAdministratorIsRefusedEveryCloudPage() throws Exception {
        admin.administrator = false;
        admin.user = "alice";

        for (String path : List.of("/cloud", "/cloud/new", "/cloud/wdlfqm6se9un", "/cloud/wdlfqm6se9un/delete")) {
            AdminHttp.Response response = admin.get(path);
            assertThat(response.status).as(path).isEqualTo(403);
            assertThat(response.body()).as(path).contains("LNY-701").doesNotContain("Contoso");
        }
    }

    @Test
    void aPostWithoutTheXsrfTokenChangesNothing() throws Exception {
        AdminHttp.Response refused = admin.call(admin.pages, new AdminHttp.Request("POST",
                AdminWebFixture.PAGES + "/cloud/wdlfqm6se9un/delete", admin.session));

        assertThat(refused.status).isEqualTo(403);
        assertThat(refused.body()).contains("LNY-702");
        assertThat(admin.holder.current().entraConnectors()).hasSize(1);
    }

    @Test
    void anUnknownConnectorIsLny705() throws Exception {
        AdminHttp.Response response = admin.get("/cloud/zzzzzzzzzzzz");

        assertThat(response.status).isEqualTo(404);
        assertThat(response.body()).contains("LNY-705");
    }
}
