package io.lanyard.plugin.admin;

import static io.lanyard.plugin.admin.EntraAdminFixture.connector;
import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.diagnostics.ProviderCheckReport;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.keys.KeySummary;
import io.lanyard.plugin.admin.integration.CheckViews;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin pages read as text: no two words run together where Soy joined two template lines at a tag (the delete
 * confirmation once read "Sandbox identity provider(http://…)"), for every template and for the pages themselves.
 */
class AdminPageTextTest {

    @TempDir
    Path home;

    @Test
    void theCheckFindsWordsRunTogetherAcrossAnInlineTagButNotAcrossABlock() {
        assertThat(PageText.gluedWords("<p>Delete <strong>Sandbox</strong>(<code>http://x</code>)</p>"))
                .containsExactly("Sandbox|(");
        assertThat(PageText.gluedWords("<p>Token from<code>https://x</code></p>")).containsExactly("Token from|https://x");
        assertThat(PageText.gluedWords("<p>Delete <strong>Sandbox</strong> (<code>http://x</code>)?</p>")).isEmpty();
        assertThat(PageText.gluedWords("<td>Name</td><td>Issuer</td>")).isEmpty();
    }

    @Test
    void noTemplateRunsTwoWordsTogether() throws Exception {
        AdminTemplateSamples samples = new AdminTemplateSamples("Acme");

        for (Map.Entry<String, Map<String, Object>> template : samples.everyTemplate().entrySet()) {
            String html = samples.templates.render(template.getKey(), template.getValue());
            assertThat(PageText.gluedWords(html)).as(template.getKey()).isEmpty();
        }
    }

    @Test
    void anIdentityProvidersTestSaysWhichKeysItReadInASentence() {
        assertThat(keysSentence(key("sandbox", "RSA"))).isEqualTo("Usable signing keys: 1 RSA key (kid sandbox).");
        assertThat(keysSentence(key("a", "RSA"), key("b", "RSA"), key(null, "RSA"), key("c", "EC")))
                .isEqualTo("Usable signing keys: 3 RSA keys (kids a, b; 1 without kid), 1 EC key (kid c).");
        assertThat(keysSentence(key(null, "EC"))).isEqualTo("Usable signing keys: 1 EC key (without kid).");
    }

    @Test
    void whatAProviderLeavesOutReadsNoneAnnounced() {
        Map<String, Object> metadata = new java.util.HashMap<>();
        for (String key : List.of("issuer", "authorizationEndpoint", "tokenEndpoint", "jwksUri", "algorithms")) {
            metadata.put(key, "https://idp.example.com/x");
        }
        metadata.put("userInfoEndpoint", "");
        metadata.put("endSessionEndpoint", "");
        metadata.put("authMethods", "");

        String text = PageText.of(new AdminTemplateSamples("").templates.render("metadataTable",
                Map.of("metadata", metadata)));

        assertThat(text).contains("Userinfo endpoint\nnone announced", "End session endpoint\nnone announced",
                "Client authentication methods announced\nnone announced, so client_secret_basic (the default) applies");
    }

    private static KeySummary key(String kid, String type) {
        return new KeySummary(Optional.ofNullable(kid), type);
    }

    private static String keysSentence(KeySummary... keys) {
        Map<String, Object> check = CheckViews.reportPage(new ProviderCheckReport(Optional.empty(), List.of(keys),
                List.of(), Optional.empty()));
        String html = new AdminTemplateSamples("").templates.render("idpCheck", Map.of("check", check));
        return PageText.of(html.substring(html.indexOf("<p id=\"check-keys\">"))).lines().findFirst().orElseThrow();
    }

    @Test
    void theDeleteConfirmationsNameTheIntegrationThenItsIssuerOrTenantInParentheses() throws Exception {
        IdentityProviderConfig provider = IdentityProviderConfig.builder().id("abc123")
                .displayName("Sandbox identity provider").discoveryUrl("http://localhost:18281/sandbox")
                .clientId("lanyard-sandbox").build();
        AdminWebFixture admin = new AdminWebFixture(home, new LanyardConfiguration(List.of(provider),
                List.of(connector())), AdminWebFixture.filesOnly(), EntraEndpoints.NATIONAL_CLOUDS);

        String idp = PageText.of(admin.get("/idp/abc123/delete").body());
        String cloud = PageText.of(admin.get("/cloud/wdlfqm6se9un/delete").body());

        assertThat(idp).contains("Delete the identity provider Sandbox identity provider (http://localhost:18281/sandbox)?");
        assertThat(cloud).contains("Delete the Entra ID connector Contoso (contoso.onmicrosoft.com)?");
    }

    @Test
    void everyPageOfBothKindsReadsWithoutWordsRunTogether() throws Exception {
        IdentityProviderConfig provider = IdentityProviderConfig.builder().id("abc123").displayName("Keycloak")
                .discoveryUrl("https://idp.example.com/realms/acme").clientId("lanyard").build();
        AdminWebFixture admin = new AdminWebFixture(home, new LanyardConfiguration(List.of(provider),
                List.of(connector())), AdminWebFixture.filesOnly(), EntraEndpoints.NATIONAL_CLOUDS);

        for (String path : List.of("/idp", "/idp/new", "/idp/abc123", "/idp/abc123/delete", "/cloud", "/cloud/new",
                "/cloud/wdlfqm6se9un", "/cloud/wdlfqm6se9un/delete", "/nowhere")) {
            assertThat(PageText.gluedWords(admin.get(path).body())).as(path).isEmpty();
        }
        assertThat(PageText.gluedWords(admin.post("/idp/new", Map.of("id", "newone", "displayName", "")).body()))
                .isEmpty();
    }
}
