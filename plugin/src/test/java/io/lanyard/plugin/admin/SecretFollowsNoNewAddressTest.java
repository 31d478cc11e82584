package io.lanyard.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.plugin.admin.integration.IdentityProviderForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored client secret never follows a provider to another address (the security review's MEDIUM finding: a fake
 * token endpoint received the real secret after the discovery URL was changed in the admin form, through the JSON API
 * and by an import with the same id). It stays when the address stays, and a secret given with the change is stored.
 * The pages and the API say when the name that serves every provider will apply.
 */
class SecretFollowsNoNewAddressTest {

    private static final String IDP = "GOxXFuPXJgiyAwuXugVG";
    private static final String CONNECTOR = "wdlfqm6se9un";
    private static final String SECRET = "The-Real-Secret-For-Acme-31";
    private static final String EVIL = "https://evil.example.net/realms/acme";

    @TempDir
    Path home;

    private static IdentityProviderConfig provider() {
        return IdentityProviderConfig.builder().id(IDP).displayName("Keycloak")
                .discoveryUrl("https://idp.example.com/realms/acme").clientId("lanyard")
                .clientSecret(StoredSecret.plaintext(Secret.of(SECRET))).build();
    }

    private static EntraConnectorConfig connector() {
        return EntraConnectorConfig.builder().id(CONNECTOR).displayName("Contoso").tenantId("contoso.onmicrosoft.com")
                .clientId("11111111-2222-3333-4444-555555555555")
                .clientSecret(StoredSecret.plaintext(Secret.of(SECRET))).build();
    }

    private AdminWebFixture admin(ClientSecretResolver secrets) {
        LanyardConfiguration configuration = new LanyardConfiguration(List.of(provider()), List.of(connector()));
        AdminWebFixture admin = new AdminWebFixture(home, configuration, secrets, EntraEndpoints.NATIONAL_CLOUDS);
        admin.providerXml().save(configuration);
        admin.connectorXml().save(configuration.entraConnectors());
        return admin;
    }

    private AdminWebFixture admin() {
        return admin(AdminWebFixture.filesOnly());
    }

    private static Map<String, String> formWith(String field, String value) {
        Map<String, String> form = new HashMap<>();
        IdentityProviderForm.of(provider()).toSoy().forEach((name, shown) -> {
            if (!(shown instanceof Boolean checked)) {
                form.put(name, String.valueOf(shown));
            } else if (checked) {
                form.put(name, "true");
            }
        });
        form.put(field, value);
        return form;
    }

    private StoredSecret storedOfProvider(AdminWebFixture admin) {
        return admin.providerXml().load().get(0).clientSecret();
    }

    private String providerXml() throws Exception {
        return Files.readString(home.resolve("provider.xml"));
    }

    @Test
    void theAdminFormDropsTheStoredSecretWhenTheDiscoveryUrlChangesWithoutANewOne() throws Exception {
        AdminWebFixture admin = admin();

        assertThat(admin.post("/idp/" + IDP, formWith("discoveryUrl", EVIL)).status).isEqualTo(303);

        assertThat(storedOfProvider(admin)).isEqualTo(StoredSecret.none());
        assertThat(admin.holder.current().identityProviders().get(0).clientSecret()).isEqualTo(StoredSecret.none());
        assertThat(providerXml()).contains(EVIL).doesNotContain(SECRET);
    }

    @Test
    void theAdminFormDropsItWhenTheIssuerChanges() throws Exception {
        AdminWebFixture admin = admin();

        admin.post("/idp/" + IDP, formWith("issuer", "https://idp.example.com/realms/other"));

        assertThat(storedOfProvider(admin)).isEqualTo(StoredSecret.none());
    }

    @Test
    void theAdminFormKeepsItWhenOnlyOtherFieldsChangeAndStoresASecretGivenWithANewUrl() throws Exception {
        AdminWebFixture admin = admin();

        admin.post("/idp/" + IDP, formWith("displayName", "Keycloak (renamed)"));
        assertThat(storedOfProvider(admin).plaintext()).contains(Secret.of(SECRET));

        Map<String, String> moved = formWith("discoveryUrl", "https://idp2.example.com/realms/acme");
        moved.put("clientSecret", "A-Secret-For-The-New-Address");
        admin.post("/idp/" + IDP, moved);
        assertThat(storedOfProvider(admin).plaintext()).contains(Secret.of("A-Secret-For-The-New-Address"));
    }

    @Test
    void aJsonApiUpdateToAnotherUrlDropsTheStoredSecretUnlessItGivesOne() throws Exception {
        AdminWebFixture admin = admin();
        String document = "{\"displayName\":\"Keycloak\",\"clientId\":\"lanyard\",\"discoveryUrl\":\"" + EVIL + "\"";

        assertThat(admin.api("PUT", "/idps/" + IDP, document + "}").status).isEqualTo(200);
        assertThat(storedOfProvider(admin)).isEqualTo(StoredSecret.none());

        admin.api("PUT", "/idps/" + IDP, document + ",\"clientSecret\":\"Given-With-The-Change\"}");
        assertThat(storedOfProvider(admin).plaintext()).contains(Secret.of("Given-With-The-Change"));
    }

    @Test
    void anImportWithTheSameIdAndAnotherUrlCarriesNoSecretAcross() throws Exception {
        AdminWebFixture admin = admin();

        assertThat(admin.api("POST", "/import", "{\"version\":1,\"identityProviders\":[{\"id\":\"" + IDP
                + "\",\"displayName\":\"Keycloak\",\"clientId\":\"lanyard\",\"discoveryUrl\":\"" + EVIL + "\"}]}").status)
                .isEqualTo(200);

        assertThat(storedOfProvider(admin)).isEqualTo(StoredSecret.none());
        assertThat(providerXml()).doesNotContain(SECRET);
    }

    @Test
    void anImportWithTheSameIdAndTheSameUrlKeepsTheSecret() throws Exception {
        AdminWebFixture admin = admin();

        admin.api("POST", "/import", "{\"version\":1,\"identityProviders\":[{\"id\":\"" + IDP
                + "\",\"displayName\":\"Renamed\",\"clientId\":\"lanyard\",\"discoveryUrl\":"
                + "\"https://idp.example.com/realms/acme\"}]}");

        assertThat(storedOfProvider(admin).plaintext()).contains(Secret.of(SECRET));
    }

    @Test
    void aConnectorMovedToAnotherTenantLosesItsStoredSecret() throws Exception {
        AdminWebFixture admin = admin();

        admin.api("PUT", "/connectors/" + CONNECTOR, "{\"displayName\":\"Contoso\",\"tenantId\":\"fabrikam.onmicrosoft.com\","
                + "\"clientId\":\"11111111-2222-3333-4444-555555555555\"}");

        assertThat(admin.connectorXml().load().get(0).clientSecret()).isEqualTo(StoredSecret.none());
    }

    @Test
    void theFormOfANewProviderSaysWhenTheSecretThatServesEveryProviderWillApply() throws Exception {
        AdminWebFixture admin = admin(AdminWebFixture.environment(
                Map.of(SecretPropertyNames.IDENTITY_PROVIDER_STATIC, "shared-by-all")));

        String page = admin.get("/idp/new").body();
        String api = admin.api("GET", "/idps/" + IDP, null).body();

        assertThat(page).contains("id=\"secret-static-name\"")
                .contains("sends the secret that serves every identity provider to the token endpoint");
        assertThat(api).contains("\"staticNameApplies\":true");
    }

    @Test
    void noSuchNoticeWhenTheProviderHasItsOwnSecret() throws Exception {
        AdminWebFixture admin = admin(AdminWebFixture.environment(Map.of(
                SecretPropertyNames.IDENTITY_PROVIDER_STATIC, "shared-by-all",
                SecretPropertyNames.identityProvider(IDP), "its-own")));

        assertThat(admin.get("/idp/" + IDP).body()).doesNotContain("id=\"secret-static-name\"");
        assertThat(admin.api("GET", "/idps/" + IDP, null).body()).contains("\"staticNameApplies\":false");
    }
}
