package io.lanyard.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.LogoutSettings;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider form's Logout section (issue 15), posted as a browser posts it: saved, shown again, or refused. */
class LogoutFormPagesTest {

    private static final LogoutSettings EVERYTHING = new LogoutSettings(LogoutSettings.LogoutMode.ALSO_AT_PROVIDER,
            LogoutSettings.AfterLogout.START_PAGE, false, true, Optional.of(Duration.ofHours(8)));

    @TempDir
    Path home;

    private AdminWebFixture providerStored() {
        IdentityProviderConfig provider = IdentityProviderConfig.builder().id("abc123").displayName("Keycloak")
                .discoveryUrl("https://idp.example.com/realms/a").clientId("lanyard")
                .clientSecret(StoredSecret.plaintext(Secret.of("the-stored-secret"))).build();
        AdminWebFixture web = new AdminWebFixture(home, new LanyardConfiguration(List.of(provider), List.of()),
                AdminWebFixture.filesOnly(), EntraEndpoints.NATIONAL_CLOUDS);
        web.providerXml().save(web.holder.current());
        return web;
    }

    private static Map<String, String> browserForm(Map<String, String> logout) {
        Map<String, String> form = new HashMap<>(Map.of("displayName", "Keycloak",
                "discoveryUrl", "https://idp.example.com/realms/a", "clientId", "lanyard",
                "clientAuthMethod", "client_secret_basic", "scopes", "openid", "usernameClaim", "preferred_username",
                "userLookup", "USERNAME", "clockSkew", "60", "allowedAlgorithms", "RS256"));
        form.put("defaultGroupsFor", "NEW_USERS");
        form.putAll(logout);
        return form;
    }

    @Test
    void anAdministratorSetsTheLogoutOnTheProvidersFormAndSeesItThere() throws Exception {
        AdminWebFixture web = providerStored();
        assertThat(web.get("/idp/abc123").body()).contains("name=\"logoutMode\"").contains("name=\"sessionLifetime\"")
                .contains("name=\"backChannelLogout\"").contains("name=\"frontChannelLogout\"");

        AdminHttp.Response saved = web.post("/idp/abc123", browserForm(Map.of("logoutMode", "ALSO_AT_PROVIDER",
                "afterLogout", "START_PAGE", "frontChannelLogout", "on", "sessionLifetime", "28800")));

        assertThat(saved.status).isLessThan(400);
        assertThat(web.providerXml().load().get(0).logout()).isEqualTo(EVERYTHING);
        assertThat(web.get("/idp/abc123").body()).contains("value=\"28800\"");
    }

    @Test
    void aLifetimeOutOfRangeIsRefusedOnTheFormAndNothingChanges() throws Exception {
        AdminWebFixture web = providerStored();

        AdminHttp.Response refused = web.post("/idp/abc123", browserForm(Map.of("logoutMode", "LOCAL_ONLY",
                "afterLogout", "LOGGED_OUT_PAGE", "backChannelLogout", "on", "sessionLifetime", "60")));

        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.body()).contains("data-field=\"sessionLifetime\"").contains("value=\"60\"")
                .contains("Nothing was saved");
        assertThat(web.providerXml().load().get(0).logout()).isEqualTo(LogoutSettings.defaults());
    }
}
