package io.lanyard.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.SignInSettings;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider's sign-in settings (chooser, e-mail domains, account restrictions) have no fields on the admin form or in
 * the JSON document yet: saving either must keep them as {@code provider.xml} has them, never reset them.
 */
class SignInSettingsKeptTest {

    @TempDir
    Path home;
    private AdminWebFixture web;
    private SignInSettings signIn;

    @BeforeEach
    void start() {
        IdentityProviderConfigBuilder builder = IdentityProviderConfig.builder().id("abc123").displayName("Keycloak")
                .discoveryUrl("https://idp.example.com/realms/a").clientId("lanyard")
                .clientSecret(StoredSecret.plaintext(Secret.of("the-stored-secret")));
        builder.signIn().order(7).emailDomains(List.of("example.com")).allowedUsernames("ext-.*");
        IdentityProviderConfig provider = builder.build();
        signIn = provider.signIn();
        web = new AdminWebFixture(home, new LanyardConfiguration(List.of(provider), List.of()),
                AdminWebFixture.filesOnly(), EntraEndpoints.NATIONAL_CLOUDS);
        web.providerXml().save(web.holder.current());
    }

    private SignInSettings stored() {
        return web.providerXml().load().get(0).signIn();
    }

    @Test
    void savingTheProviderThroughTheApiKeepsItsSignInSettings() throws Exception {
        AdminHttp.Response saved = web.api("PUT", "/idps/abc123", "{\"displayName\":\"Renamed\","
                + "\"discoveryUrl\":\"https://idp.example.com/realms/a\",\"clientId\":\"lanyard\"}");

        assertThat(saved.status).isEqualTo(200);
        assertThat(web.providerXml().load().get(0).displayName()).isEqualTo("Renamed");
        assertThat(stored()).isEqualTo(signIn);
    }

    @Test
    void savingTheProvidersFormKeepsItsSignInSettings() throws Exception {
        Map<String, String> form = new java.util.HashMap<>(Map.of("displayName", "Renamed",
                "discoveryUrl", "https://idp.example.com/realms/a", "clientId", "lanyard",
                "clientAuthMethod", "client_secret_basic", "scopes", "openid", "usernameClaim", "preferred_username",
                "userLookup", "USERNAME", "clockSkew", "60", "allowedAlgorithms", "RS256"));
        form.put("defaultGroupsFor", "NEW_USERS"); // selects: the browser always sends them
        form.put("logoutMode", "LOCAL_ONLY");
        form.put("afterLogout", "LOGGED_OUT_PAGE");
        AdminHttp.Response saved = web.post("/idp/abc123", form);

        assertThat(saved.status).isLessThan(400);
        assertThat(web.providerXml().load().get(0).displayName()).isEqualTo("Renamed");
        assertThat(stored()).isEqualTo(signIn);
    }
}
