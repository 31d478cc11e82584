package io.lanyard.plugin.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.lanyard.plugin.admin.EntraAdminFixture.CLIENT_ID;
import static io.lanyard.plugin.admin.EntraAdminFixture.STORED_SECRET;
import static io.lanyard.plugin.admin.EntraAdminFixture.TENANT;
import static io.lanyard.plugin.admin.EntraAdminFixture.connector;
import static io.lanyard.plugin.admin.EntraAdminFixture.provider;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.NationalCloud;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.core.secret.StoredSecret;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API's {@code connectors} endpoints, and export and import with connectors. */
class ConnectorApiTest {

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

    @Test
    void listAndGetGiveEveryFieldAndTheSecretSourceButNoSecret() throws Exception {
        AdminHttp.Response list = admin.api("GET", "/connectors", null);
        AdminHttp.Response one = admin.api("GET", "/connectors/wdlfqm6se9un", null);

        assertThat(list.status).isEqualTo(200);
        assertThat(list.body()).startsWith("[{\"id\":\"wdlfqm6se9un\"");
        assertThat(one.body()).contains("\"displayName\":\"Contoso\"", "\"tenantId\":\"" + TENANT + "\"",
                "\"clientId\":\"" + CLIENT_ID + "\"", "\"nationalCloud\":\"GLOBAL\"", "\"enabled\":true",
                "\"source\":\"CONFIGURATION_FILE\"",
                "\"propertyNameForThisId\":\"" + SecretPropertyNames.connector("wdlfqm6se9un") + "\"")
                .doesNotContain(STORED_SECRET).doesNotContain("\"clientSecret\"");
    }

    @Test
    void createGeneratesAnIdStoresTheSecretAndAnswers201() throws Exception {
        AdminHttp.Response created = admin.api("POST", "/connectors", "{\"displayName\":\"Fabrikam\",\"tenantId\":"
                + "\"fabrikam.onmicrosoft.com\",\"clientId\":\"" + CLIENT_ID + "\",\"nationalCloud\":\"CHINA\","
                + "\"clientSecret\":\"new-secret-value\"}");

        assertThat(created.status).isEqualTo(201);
        assertThat(created.body()).doesNotContain("new-secret-value");
        EntraConnectorConfig stored = admin.connectorXml().load().get(1);
        assertThat(stored.id()).matches("[a-z0-9]{12}");
        assertThat(stored.nationalCloud()).isEqualTo(NationalCloud.CHINA);
        assertThat(stored.clientSecret().plaintext().orElseThrow().reveal()).isEqualTo("new-secret-value");
        assertThat(admin.providerXml().load()).containsExactly(provider());
    }

    @Test
    void anInvalidConnectorIsRefusedWithEveryFieldAndNothingChanges() throws Exception {
        AdminHttp.Response refused = admin.api("POST", "/connectors",
                "{\"displayName\":\"\",\"tenantId\":\"not a tenant\",\"clientId\":\"x\",\"nationalCloud\":\"MARS\"}");

        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.body()).contains("\"code\":\"LNY-100\"", "\"field\":\"displayName\"",
                "\"field\":\"tenantId\"", "\"field\":\"clientId\"", "\"field\":\"nationalCloud\"");
        assertThat(admin.connectorXml().load()).containsExactly(connector());
    }

    @Test
    void updateKeepsTheStoredSecretUnlessOneIsGivenAndTheIdCannotChange() throws Exception {
        String document = admin.api("GET", "/connectors/wdlfqm6se9un", null).body();

        AdminHttp.Response updated = admin.api("PUT", "/connectors/wdlfqm6se9un",
                document.replace("\"displayName\":\"Contoso\"", "\"displayName\":\"Renamed\""));
        AdminHttp.Response renamedId = admin.api("PUT", "/connectors/wdlfqm6se9un",
                "{\"id\":\"otherotherot\",\"displayName\":\"X\",\"tenantId\":\"" + TENANT + "\",\"clientId\":\""
                        + CLIENT_ID + "\"}");

        assertThat(updated.status).isEqualTo(200);
        EntraConnectorConfig stored = admin.connectorXml().load().get(0);
        assertThat(stored.displayName()).isEqualTo("Renamed");
        assertThat(stored.clientSecret().plaintext().orElseThrow().reveal()).isEqualTo(STORED_SECRET);
        assertThat(renamedId.status).isEqualTo(400);
    }

    @Test
    void deleteRemovesTheConnectorAndAnUnknownOneIs404() throws Exception {
        assertThat(admin.api("DELETE", "/connectors/wdlfqm6se9un", null).status).isEqualTo(200);
        assertThat(admin.connectorXml().load()).isEmpty();

        AdminHttp.Response unknown = admin.api("GET", "/connectors/wdlfqm6se9un", null);
        assertThat(unknown.status).isEqualTo(404);
        assertThat(unknown.body()).contains("LNY-705");
    }

    @Test
    void testReportsTheOrganizationAsJson() throws Exception {
        entra.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"access_token\":\"tok-123\"}")));
        entra.stubFor(get(urlPathEqualTo("/v1.0/organization")).willReturn(okJson(
                "{\"value\":[{\"id\":\"0a1b2c3d-4e5f-6789-abcd-ef0123456789\",\"displayName\":\"Contoso Ltd\"}]}")));

        AdminHttp.Response tested = admin.api("POST", "/connectors/wdlfqm6se9un/test", null);

        assertThat(tested.status).isEqualTo(200);
        assertThat(tested.body()).contains("\"passed\":true", "\"displayName\":\"Contoso Ltd\"")
                .doesNotContain("tok-123").doesNotContain(STORED_SECRET);
    }

    @Test
    void everyChangeNeedsTheXsrfHeaderAndAnAdministrator() throws Exception {
        for (String[] call : List.of(new String[] {"POST", "/connectors"}, new String[] {"PUT", "/connectors/wdlfqm6se9un"},
                new String[] {"DELETE", "/connectors/wdlfqm6se9un"}, new String[] {"POST", "/connectors/wdlfqm6se9un/test"})) {
            AdminHttp.Response refused = admin.call(admin.api, admin.apiRequest(call[0], call[1]).json("{}"));
            assertThat(refused.status).as(call[0] + " " + call[1]).isEqualTo(403);
            assertThat(refused.body()).contains("LNY-702");
        }
        admin.administrator = false;
        AdminHttp.Response list = admin.api("GET", "/connectors", null);
        assertThat(list.status).isEqualTo(403);
        assertThat(list.body()).contains("LNY-701").doesNotContain("Contoso");
        assertThat(admin.connectorXml().load()).containsExactly(connector());
        assertThat(entra.getAllServeEvents()).isEmpty();
    }

    @Test
    void exportHasTheConnectorsWithoutSecretsAndAnImportOfItKeepsTheirStoredSecrets() throws Exception {
        String exported = admin.api("GET", "/export", null).body();
        assertThat(exported).contains("\"entraConnectors\":[{\"id\":\"wdlfqm6se9un\"").doesNotContain(STORED_SECRET)
                .doesNotContain("\"clientSecret\"");

        AdminHttp.Response imported = admin.api("POST", "/import",
                exported.replace("\"displayName\":\"Contoso\"", "\"displayName\":\"Imported\""));

        assertThat(imported.status).isEqualTo(200);
        EntraConnectorConfig stored = admin.connectorXml().load().get(0);
        assertThat(stored.displayName()).isEqualTo("Imported");
        assertThat(stored.clientSecret().plaintext().orElseThrow().reveal()).isEqualTo(STORED_SECRET);
    }

    @Test
    void anImportWithoutEntraConnectorsKeepsThemAndAnEmptyListRemovesThem() throws Exception {
        String providersOnly = "{\"version\":1,\"identityProviders\":[{\"id\":\"idp2\",\"displayName\":\"Other\","
                + "\"discoveryUrl\":\"https://other.example.com\",\"clientId\":\"lanyard\"}]}";

        assertThat(admin.api("POST", "/import", providersOnly).status).isEqualTo(200);
        assertThat(admin.holder.current().entraConnectors()).containsExactly(connector());
        assertThat(admin.providerXml().load()).extracting(IdentityProviderConfig::id)
                .containsExactly("idp2");

        assertThat(admin.api("POST", "/import", providersOnly.replace("]}", "],\"entraConnectors\":[]}")).status)
                .isEqualTo(200);
        assertThat(admin.connectorXml().load()).isEmpty();
    }

    @Test
    void anImportedConnectorWhoseSecretComesFromAVariableIsStoredWithThePlaceholder() throws Exception {
        String name = SecretPropertyNames.connector("newnewnewnew");
        LanyardConfiguration initial = new LanyardConfiguration(List.of(provider()));
        AdminWebFixture withVariable = new AdminWebFixture(home.resolve("other"), initial,
                AdminWebFixture.environment(Map.of(name, "from-the-environment")), EntraEndpoints.NATIONAL_CLOUDS);

        AdminHttp.Response imported = withVariable.api("POST", "/import", "{\"version\":1,\"identityProviders\":[],"
                + "\"entraConnectors\":[{\"id\":\"newnewnewnew\",\"displayName\":\"New\",\"tenantId\":\"" + TENANT
                + "\",\"clientId\":\"" + CLIENT_ID + "\",\"clientSecret\":\"plaintext-in-the-document\"}]}");

        assertThat(imported.status).isEqualTo(200);
        assertThat(withVariable.connectorXml().load().get(0).clientSecret()).isEqualTo(StoredSecret.external());
        assertThat(imported.body()).contains("\"source\":\"ENVIRONMENT_VARIABLE\"")
                .doesNotContain("plaintext-in-the-document").doesNotContain("from-the-environment");
    }

    @Test
    void anImportWithAnInvalidConnectorChangesNeitherFile() throws Exception {
        byte[] providerXml = java.nio.file.Files.readAllBytes(admin.providerXml().file());

        AdminHttp.Response refused = admin.api("POST", "/import", "{\"version\":1,\"identityProviders\":[],"
                + "\"entraConnectors\":[{\"id\":\"BAD\",\"displayName\":\"X\",\"tenantId\":\"" + TENANT
                + "\",\"clientId\":\"" + CLIENT_ID + "\"}]}");

        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.body()).contains("LNY-706", "\"field\":\"entraConnectors[0].id\"");
        assertThat(admin.providerXml().file()).hasBinaryContent(providerXml);
        assertThat(admin.connectorXml().load()).containsExactly(connector());
    }
}
