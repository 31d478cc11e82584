package io.lanyard.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.plugin.admin.integration.IdentityProviderForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rotation part of the client secret section: the next secret given in the page, its fingerprint (never its value),
 * what each node uses, Promote, the expiry date, and the same through the JSON API.
 */
class SecretRotationPagesTest {

    private static final String IDP = "GOxXFuPXJgiyAwuXugVG";
    private static final String CURRENT = "Current-Secret-In-File-11";
    private static final String NEXT = "Next-Secret-Typed-In-Page-22";

    @TempDir
    Path home;

    private static IdentityProviderConfig provider() {
        return IdentityProviderConfig.builder().id(IDP).displayName("Keycloak")
                .discoveryUrl("https://idp.example.com/realms/acme").clientId("lanyard")
                .clientSecret(StoredSecret.plaintext(Secret.of(CURRENT))).build();
    }

    private AdminWebFixture admin(Map<String, String> environment) {
        LanyardConfiguration configuration = new LanyardConfiguration(List.of(provider()));
        AdminWebFixture admin = new AdminWebFixture(home, configuration, AdminWebFixture.environment(environment),
                EntraEndpoints.NATIONAL_CLOUDS);
        admin.providerXml().save(configuration);
        return admin;
    }

    private static Map<String, String> form(IdentityProviderConfig provider) {
        return AdminWebFixture.posted(IdentityProviderForm.of(provider));
    }

    @Test
    void aNextSecretTypedInThePageIsStoredInClientSecretNextAndShownByItsFingerprintOnly() throws Exception {
        AdminWebFixture admin = admin(Map.of());
        Map<String, String> form = form(provider());
        form.put("nextClientSecret", NEXT);
        form.put("clientSecretExpiresOn", "2027-03-31");

        assertThat(admin.post("/idp/" + IDP, form).status).isEqualTo(303);

        String xml = Files.readString(admin.providerXml().file());
        assertThat(xml).contains("<CLIENT_SECRET_NEXT>" + NEXT + "</CLIENT_SECRET_NEXT>",
                "<CLIENT_SECRET_EXPIRES_ON>2027-03-31</CLIENT_SECRET_EXPIRES_ON>");
        String page = admin.get("/idp/" + IDP).body();
        assertThat(page).contains("id=\"secret-next-fingerprint\">" + Secret.of(NEXT).fingerprint() + "<",
                "id=\"secret-current-fingerprint\">" + Secret.of(CURRENT).fingerprint() + "<",
                "id=\"promote-secret\"", "value=\"2027-03-31\"", "id=\"rotation-checklist\"",
                SecretPropertyNames.next(SecretPropertyNames.identityProvider(IDP)))
                .doesNotContain(NEXT).doesNotContain(CURRENT);
    }

    @Test
    void promoteMakesTheNextSecretTheCurrentOneInTheFile() throws Exception {
        AdminWebFixture admin = admin(Map.of());
        Map<String, String> form = form(provider());
        form.put("nextClientSecret", NEXT);
        admin.post("/idp/" + IDP, form);

        assertThat(admin.post("/idp/" + IDP + "/promote-secret", Map.of()).status).isEqualTo(303);

        IdentityProviderConfig promoted = admin.holder.current().identityProviders().get(0);
        assertThat(promoted.clientSecret()).isEqualTo(StoredSecret.plaintext(Secret.of(NEXT)));
        assertThat(promoted.nextClientSecret()).isEqualTo(StoredSecret.none());
        assertThat(Files.readString(admin.providerXml().file())).doesNotContain(CURRENT);
    }

    @Test
    void promoteWithoutANextSecretInTheFileIsRefusedWithTheReasonAndChangesNothing() throws Exception {
        AdminWebFixture admin = admin(Map.of());
        String before = Files.readString(admin.providerXml().file());

        AdminHttp.Response response = admin.post("/idp/" + IDP + "/promote-secret", Map.of());

        assertThat(response.status).isEqualTo(400);
        assertThat(response.body()).contains("data-field=\"nextClientSecret\"", "no next secret");
        assertThat(Files.readString(admin.providerXml().file())).isEqualTo(before);
    }

    @Test
    void aNextSecretFromAVariableIsShownWithItsNameAndThePageOffersNoFieldForIt() throws Exception {
        String nextName = SecretPropertyNames.next(SecretPropertyNames.identityProvider(IDP));
        AdminWebFixture admin = admin(Map.of(nextName, NEXT));

        String page = admin.get("/idp/" + IDP).body();

        assertThat(page).contains("id=\"secret-next-property\">" + nextName + "<",
                "id=\"secret-next-fingerprint\">" + Secret.of(NEXT).fingerprint() + "<")
                .doesNotContain("id=\"field-nextClientSecret\"").doesNotContain("id=\"promote-secret\"")
                .doesNotContain(NEXT);
    }

    @Test
    void thisNodeIsListedWithWhatItUses() throws Exception {
        AdminWebFixture admin = admin(Map.of());

        String page = admin.get("/idp/" + IDP).body();

        assertThat(page).contains("id=\"secret-nodes\"", "class=\"secret-node\"",
                "CONFIGURATION_FILE · " + Secret.of(CURRENT).fingerprint());
    }

    @Test
    void anUnreadableExpiryDateIsRefusedOnItsFieldAndNothingIsSaved() throws Exception {
        AdminWebFixture admin = admin(Map.of());
        String before = Files.readString(admin.providerXml().file());
        Map<String, String> form = form(provider());
        form.put("clientSecretExpiresOn", "next spring");

        AdminHttp.Response response = admin.post("/idp/" + IDP, form);

        assertThat(response.status).isEqualTo(400);
        assertThat(response.body()).contains("data-field=\"clientSecretExpiresOn\"");
        assertThat(Files.readString(admin.providerXml().file())).isEqualTo(before);
    }

    @Test
    void theApiTakesTheNextSecretWriteOnlyAndShowsItsFingerprintAndTheDate() throws Exception {
        AdminWebFixture admin = admin(Map.of());
        String document = admin.api("GET", "/idps/" + IDP, null).body();

        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode node =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(document);
        node.put("nextClientSecret", NEXT).put("clientSecretExpiresOn", "2027-04-30");
        String changed = json.writeValueAsString(node);
        AdminHttp.Response saved = admin.api("PUT", "/idps/" + IDP, changed);

        assertThat(saved.status).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("\"nextFingerprint\":\"" + Secret.of(NEXT).fingerprint() + "\"",
                "\"clientSecretExpiresOn\":\"2027-04-30\"").doesNotContain(NEXT).doesNotContain(CURRENT);
        assertThat(admin.holder.current().identityProviders().get(0).clientSecretExpiresOn())
                .contains(LocalDate.of(2027, 4, 30));
        assertThat(admin.api("GET", "/export", null).body()).doesNotContain(NEXT).doesNotContain(CURRENT);
        assertThat(admin.api("GET", "/idps/" + IDP, null).body()).as("every node's report")
                .contains("\"nodes\":[{\"node\":", "\"writtenAt\":\"").doesNotContain(NEXT);
    }
}
