package io.lanyard.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.secret.ResolvedSecret;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.core.secret.SecretSource;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.secret.secured.SecuredPropertyValues;
import io.lanyard.plugin.admin.integration.EntraConnectorForm;
import io.lanyard.plugin.admin.integration.IdentityProviderForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client secret section of both pages, for every source the specification names, and what "Save" writes: while
 * the secret comes from outside, {@code USING_ENVIRONMENT_PROPERTY} in place of the plaintext.
 */
class SecretSectionTest {

    private static final String IDP = "GOxXFuPXJgiyAwuXugVG";
    private static final String CONNECTOR = "wdlfqm6se9un";
    private static final String FILE_SECRET = "Plaintext-In-The-File-42";
    private static final String OUTSIDE_SECRET = "From-Outside-The-File-77";

    @TempDir
    Path home;

    private static IdentityProviderConfig provider(StoredSecret secret) {
        return IdentityProviderConfig.builder().id(IDP).displayName("Keycloak")
                .discoveryUrl("https://idp.example.com/realms/acme").clientId("lanyard").clientSecret(secret).build();
    }

    private static EntraConnectorConfig connector(StoredSecret secret) {
        return EntraConnectorConfig.builder().id(CONNECTOR).displayName("Contoso").tenantId("contoso.onmicrosoft.com")
                .clientId("11111111-2222-3333-4444-555555555555").clientSecret(secret).build();
    }

    private static StoredSecret inFile() {
        return StoredSecret.plaintext(Secret.of(FILE_SECRET));
    }

    private AdminWebFixture admin(StoredSecret stored, ClientSecretResolver secrets) {
        LanyardConfiguration configuration = new LanyardConfiguration(List.of(provider(stored)),
                List.of(connector(stored)));
        AdminWebFixture admin = new AdminWebFixture(home, configuration, secrets, EntraEndpoints.NATIONAL_CLOUDS);
        admin.providerXml().save(configuration);
        admin.connectorXml().save(configuration.entraConnectors());
        return admin;
    }

    /** The edit form posted back as shown, with no secret typed. */
    private static Map<String, String> unchanged(IdentityProviderConfig provider) {
        return AdminWebFixture.posted(IdentityProviderForm.of(provider));
    }

    private static Map<String, String> unchanged(EntraConnectorConfig connector) {
        return AdminWebFixture.posted(EntraConnectorForm.of(connector));
    }

    @Test
    void aPerIdEnvironmentVariableIsStaticEnvironmentPropertyWithItsNameAndSaveWritesThePlaceholder() throws Exception {
        String name = SecretPropertyNames.identityProvider(IDP);
        AdminWebFixture admin = admin(inFile(), AdminWebFixture.environment(Map.of(name, OUTSIDE_SECRET)));

        String page = admin.get("/idp/" + IDP).body();

        assertThat(page).contains("id=\"secret-source-label\">Static Environment Property<",
                "id=\"secret-origin\">(environment variable<", "id=\"secret-property-used\">" + name + "<",
                "id=\"secret-property-name\">" + name + "<", "data-copy=\"secret-property-name\"",
                "id=\"secret-save-note\"", "USING_ENVIRONMENT_PROPERTY")
                .doesNotContain("id=\"field-clientSecret\"").doesNotContain(FILE_SECRET).doesNotContain(OUTSIDE_SECRET);

        assertThat(admin.post("/idp/" + IDP, unchanged(provider(inFile()))).status).isEqualTo(303);

        String providerXml = Files.readString(admin.providerXml().file());
        assertThat(providerXml).contains("<CLIENT_SECRET>USING_ENVIRONMENT_PROPERTY</CLIENT_SECRET>")
                .doesNotContain(FILE_SECRET);
        assertThat(admin.holder.current().identityProviders().get(0).clientSecret()).isEqualTo(StoredSecret.external());
    }

    @Test
    void theStaticJvmPropertyIsStaticEnvironmentPropertyFromAJvmSystemPropertyOnTheCloudPageAndSaveWritesThePlaceholder()
            throws Exception {
        ClientSecretResolver jvm = new ClientSecretResolver(Map.of(),
                Map.of(SecretPropertyNames.CONNECTOR_STATIC, OUTSIDE_SECRET), SecuredPropertyValues.none());
        AdminWebFixture admin = admin(inFile(), jvm);

        String page = admin.get("/cloud/" + CONNECTOR).body();

        assertThat(page).contains("id=\"secret-source-label\">Static Environment Property<",
                "id=\"secret-origin\">(JVM system property<",
                "id=\"secret-property-used\">" + SecretPropertyNames.CONNECTOR_STATIC + "<",
                "id=\"secret-property-name\">" + SecretPropertyNames.connector(CONNECTOR) + "<",
                "connector.xml").doesNotContain("id=\"field-clientSecret\"");

        assertThat(admin.post("/cloud/" + CONNECTOR, unchanged(connector(inFile()))).status).isEqualTo(303);

        assertThat(Files.readString(admin.connectorXml().file()))
                .contains("<CLIENT_SECRET>USING_ENVIRONMENT_PROPERTY</CLIENT_SECRET>").doesNotContain(FILE_SECRET);
    }

    @Test
    void aSecretInTheFileIsConfigurationFileWithAMaskedEmptyFieldAndSaveKeepsIt() throws Exception {
        AdminWebFixture admin = admin(inFile(), AdminWebFixture.filesOnly());

        String page = admin.get("/idp/" + IDP).body();

        assertThat(page).contains("id=\"secret-source-label\">Configuration file<",
                "type=\"password\" id=\"field-clientSecret\" name=\"clientSecret\" value=\"\"",
                "id=\"field-clientSecretRemove\"",
                "id=\"secret-property-name\">" + SecretPropertyNames.identityProvider(IDP) + "<",
                "used for new sign-ins at once, without a restart")
                .doesNotContain("id=\"secret-origin\"").doesNotContain(FILE_SECRET);
        assertThat(admin.post("/idp/" + IDP, unchanged(provider(inFile()))).status).isEqualTo(303);
        assertThat(admin.providerXml().load().get(0).clientSecret()).isEqualTo(inFile());
    }

    @Test
    void noSecretAnywhereIsNotSetWithTheNamesLookedForInOrderAndLny105() throws Exception {
        AdminWebFixture admin = admin(StoredSecret.none(), AdminWebFixture.filesOnly());

        String page = admin.get("/cloud/" + CONNECTOR).body();

        assertThat(page).contains("id=\"secret-source-label\">Not set<", "id=\"secret-names-looked-for\"",
                "the connector cannot be used (LNY-105)", "id=\"field-clientSecret\"")
                .doesNotContain("id=\"secret-problem\"").doesNotContain("identity provider");
        assertThat(page.indexOf("secret-name-looked-for\">" + SecretPropertyNames.connector(CONNECTOR)))
                .isPositive()
                .isLessThan(page.indexOf("secret-name-looked-for\">" + SecretPropertyNames.CONNECTOR_STATIC));
    }

    @Test
    void thePlaceholderWithoutAVariableIsNotSetAndSaysSo() throws Exception {
        AdminWebFixture admin = admin(StoredSecret.external(), AdminWebFixture.filesOnly());

        String page = admin.get("/idp/" + IDP).body();

        assertThat(page).contains("id=\"secret-source-label\">Not set<", "id=\"secret-problem\"",
                "Sign-ins through this identity provider fail until its client secret can be used", "LNY-105",
                "is USING_ENVIRONMENT_PROPERTY but none of " + SecretPropertyNames.identityProvider(IDP),
                "provider.xml says USING_ENVIRONMENT_PROPERTY", "id=\"field-clientSecret\"");
    }

    @Test
    void aSecuredPropertyIsEncryptedSecuredProperty() throws Exception {
        String name = SecretPropertyNames.identityProvider(IDP);
        ClientSecretResolver secured = new ClientSecretResolver(Map.of(), Map.of(), SecuredPropertyValues.of(Map.of(
                name, ResolvedSecret.found(Secret.of(OUTSIDE_SECRET), SecretSource.SECURED_PROPERTY, name))));
        AdminWebFixture admin = admin(StoredSecret.external(), secured);

        String page = admin.get("/idp/" + IDP).body();

        assertThat(page).contains("id=\"secret-source-label\">Encrypted (secured property)<",
                "id=\"secret-property-used\">" + name + "<").doesNotContain(OUTSIDE_SECRET);
    }

    @Test
    void aNewProviderWhoseStaticVariableIsSetShowsItBeforeTheFirstSave() throws Exception {
        AdminWebFixture admin = admin(inFile(), AdminWebFixture.environment(
                Map.of(SecretPropertyNames.IDENTITY_PROVIDER_STATIC, OUTSIDE_SECRET)));

        String page = admin.get("/idp/new").body();

        assertThat(page).contains("id=\"secret-source-label\">Static Environment Property<",
                SecretPropertyNames.IDENTITY_PROVIDER_STATIC);
    }

    @Test
    void theListsShowEachSecretsSourceAtAGlance() throws Exception {
        AdminWebFixture admin = admin(inFile(), AdminWebFixture.environment(
                Map.of(SecretPropertyNames.connector(CONNECTOR), OUTSIDE_SECRET)));

        assertThat(admin.get("/idp").body()).contains("data-source=\"CONFIGURATION_FILE\">Configuration file<");
        assertThat(admin.get("/cloud").body())
                .contains("data-source=\"ENVIRONMENT_VARIABLE\">Static Environment Property<");
    }

    @Test
    void theApiGivesTheSourceKindAndNamesButNeverAValue() throws Exception {
        String name = SecretPropertyNames.connector(CONNECTOR);
        AdminWebFixture admin = admin(inFile(), AdminWebFixture.environment(Map.of(name, OUTSIDE_SECRET)));

        String connector = admin.api("GET", "/connectors/" + CONNECTOR, null).body();
        String provider = admin.api("GET", "/idps/" + IDP, null).body();

        assertThat(connector).contains("\"source\":\"ENVIRONMENT_VARIABLE\"", "\"label\":\"Static Environment Property\"",
                "\"origin\":\"environment variable\"", "\"propertyName\":\"" + name + "\"",
                "\"propertyNameForThisId\":\"" + name + "\"", "\"stored\":\"PLAINTEXT\"");
        assertThat(provider).contains("\"source\":\"CONFIGURATION_FILE\"", "\"label\":\"Configuration file\"");
        for (String body : List.of(connector, provider)) {
            assertThat(body).doesNotContain(FILE_SECRET).doesNotContain(OUTSIDE_SECRET);
        }
    }
}
