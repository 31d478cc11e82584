package io.lanyard.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.plugin.web.JwksServlet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Keys and nodes": the JWKS URL and the certificate to upload, the two steps of a signing key rotation as the JWKS
 * servlet shows them, and the encrypted store's section on a host without one. Nothing private in any page.
 */
class KeysPagesTest {

    private static final Pattern KEY_ID = Pattern.compile("data-key-id=\"([^\"]+)\" data-state=\"([A-Z]+)\"");

    @TempDir
    Path home;

    private AdminWebFixture admin() {
        return new AdminWebFixture(home, LanyardConfiguration.empty(), AdminWebFixture.filesOnly(),
                EntraEndpoints.NATIONAL_CLOUDS);
    }

    private static JWKSet jwks(AdminWebFixture admin) throws Exception {
        AdminHttp.Response response = admin.call(new JwksServlet(admin.secrets.signingKeys()),
                new AdminHttp.Request("GET", "/plugins/servlet/lanyard/jwks", AdminHttp.session()));
        assertThat(response.status).isEqualTo(200);
        return JWKSet.parse(response.body());
    }

    private static Map<String, String> keyStates(String page) {
        Matcher matcher = KEY_ID.matcher(page);
        Map<String, String> states = new java.util.LinkedHashMap<>();
        while (matcher.find()) {
            states.put(matcher.group(1), matcher.group(2));
        }
        return states;
    }

    @Test
    void thePageShowsTheJwksUrlAndEachKeysCertificateButNothingPrivate() throws Exception {
        AdminWebFixture admin = admin();

        String page = admin.get("/keys").body();

        assertThat(page).contains("id=\"jwks-url\">https://jira.example.com/jira/plugins/servlet/lanyard/jwks<",
                "-----BEGIN CERTIFICATE-----", "id=\"publish-next-key\"", "id=\"secured-unavailable\"");
        assertThat(keyStates(page)).hasSize(1).containsValue("ACTIVE");
        JWK published = jwks(admin).getKeys().get(0);
        assertThat(page).contains(published.getKeyID()).doesNotContain("\"d\"")
                .doesNotContain(admin.secrets.signingKeys().publicJwks().replace("}", "")).isNotEmpty();
    }

    @Test
    void aRotationPublishesTheNextKeyAtTheJwksUrlBeforeItIsUsedAndKeepsTheOldOne() throws Exception {
        AdminWebFixture admin = admin();
        String first = jwks(admin).getKeys().get(0).getKeyID();

        assertThat(admin.post("/keys/signing/publish-next", Map.of()).status).isEqualTo(303);
        Map<String, String> afterPublish = keyStates(admin.get("/keys").body());
        assertThat(afterPublish).containsEntry(first, "ACTIVE").containsValue("PUBLISHED");
        assertThat(jwks(admin).getKeys()).hasSize(2);

        assertThat(admin.post("/keys/signing/activate-next", Map.of()).status).isEqualTo(303);
        Map<String, String> afterActivate = keyStates(admin.get("/keys").body());
        assertThat(afterActivate).containsEntry(first, "RETIRED").containsValue("ACTIVE");
        assertThat(jwks(admin).getKeys()).extracting(JWK::getKeyID).contains(first).hasSize(2);
    }

    @Test
    void theCertificateDownloadsAsPemForTheKnownKeysOnly() throws Exception {
        AdminWebFixture admin = admin();
        String keyId = jwks(admin).getKeys().get(0).getKeyID();

        AdminHttp.Response pem = admin.get("/keys/certificate/" + keyId + ".pem");
        AdminHttp.Response unknown = admin.get("/keys/certificate/unknown-key-id-0000.pem");

        assertThat(pem.status).isEqualTo(200);
        assertThat(pem.body()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(unknown.status).isEqualTo(404);
    }

    @Test
    void activatingWithoutANextKeyIsRefusedOnThePage() throws Exception {
        AdminHttp.Response response = admin().post("/keys/signing/activate-next", Map.of());

        assertThat(response.status).isEqualTo(409);
        assertThat(response.body()).contains("id=\"keys-failure\"", "publish one first");
    }

    @Test
    void theStepsAreRefusedWithoutTheXsrfToken() throws Exception {
        AdminWebFixture admin = admin();
        AdminHttp.Request request = new AdminHttp.Request("POST", "/plugins/servlet/lanyard/admin/keys/signing/publish-next",
                AdminHttp.session());

        AdminHttp.Response response = admin.call(admin.pages, request);

        assertThat(response.status).isEqualTo(403);
        assertThat(jwks(admin).getKeys()).hasSize(1);
    }

    @Test
    void theJwksAnswerIsCacheableForAShortTimeAndOfTheJwkSetType() throws Exception {
        AdminWebFixture admin = admin();
        AdminHttp.Response response = admin.call(new JwksServlet(admin.secrets.signingKeys()),
                new AdminHttp.Request("GET", "/plugins/servlet/lanyard/jwks", AdminHttp.session()));

        assertThat(response.headers).containsEntry("Cache-Control", "public, max-age=300");
        org.mockito.Mockito.verify(response.mock).setContentType("application/jwk-set+json");
        assertThat(List.of(response.body())).noneMatch(body -> body.contains("\"d\":"));
    }
}
