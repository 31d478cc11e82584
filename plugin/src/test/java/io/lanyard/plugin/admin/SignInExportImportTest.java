package io.lanyard.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.SignInPolicy;
import io.lanyard.core.entra.EntraEndpoints;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export and import carry the sign-in settings: each provider's {@code signIn} (chooser, e-mail domains, account
 * restrictions) and {@code settings.xml}; an import into another installation reproduces them.
 */
class SignInExportImportTest {

    @TempDir
    Path home;

    private static IdentityProviderConfig contractors() {
        var builder = IdentityProviderConfig.builder().id("contractors").displayName("Contractors")
                .discoveryUrl("https://contractors.example.com/.well-known/openid-configuration").clientId("jira");
        builder.signIn().logoUrl("https://cdn.example.com/c.png").order(7).emailDomains(List.of("*.contractors.example"))
                .showOnChooser(false).allowedUsernames("ext-.*").allowedDirectory("Contractor LDAP");
        return builder.build();
    }

    @Test
    void aRoundTripReproducesEachProvidersSignInSettingsAndSettingsXml() throws Exception {
        AdminWebFixture source = new AdminWebFixture(home.resolve("source"),
                new LanyardConfiguration(List.of(contractors())), AdminWebFixture.filesOnly(),
                EntraEndpoints.NATIONAL_CLOUDS);
        source.settings.change(s -> s.toBuilder().ssoEnforced(true).loginPage(SignInPolicy.LoginPageMode.ALONGSIDE_FORM)
                .defaultProvider("contractors").groups(List.of("break-glass"))
                .openToEveryoneUntil(Instant.now().plusSeconds(3600)).build());

        String exported = source.api("GET", "/export", null).body();

        assertThat(exported).contains("\"signIn\":{\"logoUrl\":\"https://cdn.example.com/c.png\",\"order\":7")
                .contains("\"allowedDirectory\":\"Contractor LDAP\"").contains("\"settings\":{")
                .contains("\"loginPage\":\"ALONGSIDE_FORM\"");

        AdminWebFixture target = new AdminWebFixture(home.resolve("target"), LanyardConfiguration.empty(),
                AdminWebFixture.filesOnly(), EntraEndpoints.NATIONAL_CLOUDS);
        AdminHttp.Response imported = target.api("POST", "/import", exported);

        assertThat(imported.status).isEqualTo(200);
        IdentityProviderConfig stored = target.providerXml().load().get(0);
        assertThat(stored.signIn()).isEqualTo(contractors().signIn());
        var settings = target.settings.refreshed();
        assertThat(settings.signIn().ssoEnforced()).isTrue();
        assertThat(settings.signIn().loginPage()).isEqualTo(SignInPolicy.LoginPageMode.ALONGSIDE_FORM);
        assertThat(settings.signIn().defaultProvider()).contains("contractors");
        assertThat(settings.emergencyAccess().groups()).containsExactly("break-glass");
        assertThat(settings.emergencyAccess().openToEveryoneUntil())
                .as("the exporting site's time box is its moment, not configuration").isEmpty();
    }

    @Test
    void anImportWithInvalidSettingsChangesNothing() throws Exception {
        AdminWebFixture target = new AdminWebFixture(home, new LanyardConfiguration(List.of(contractors())),
                AdminWebFixture.filesOnly(), EntraEndpoints.NATIONAL_CLOUDS);
        var before = target.holder.current();

        AdminHttp.Response refused = target.api("POST", "/import", "{\"version\":1,\"identityProviders\":[],"
                + "\"settings\":{\"signIn\":{\"loopMaxLogins\":1}}}");

        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.body()).contains("LNY-");
        assertThat(target.holder.current()).isSameAs(before);
        assertThat(target.providerXml().file()).doesNotExist();
        assertThat(target.settings.refreshed().signIn().loopMaxLogins()).isEqualTo(5);
    }

    @Test
    void aPutWithoutSignInKeepsTheStoredSettingsAndOneWithItChangesThem() throws Exception {
        AdminWebFixture admin = new AdminWebFixture(home, new LanyardConfiguration(List.of(contractors())),
                AdminWebFixture.filesOnly(), EntraEndpoints.NATIONAL_CLOUDS);
        String body = "{\"id\":\"contractors\",\"displayName\":\"Renamed\",\"enabled\":true,"
                + "\"discoveryUrl\":\"https://contractors.example.com/.well-known/openid-configuration\","
                + "\"clientId\":\"jira\"";

        assertThat(admin.api("PUT", "/idps/contractors", body + "}").status).isEqualTo(200);
        assertThat(admin.providerXml().load().get(0).signIn()).isEqualTo(contractors().signIn());

        assertThat(admin.api("PUT", "/idps/contractors", body + ",\"signIn\":{\"order\":3}}").status).isEqualTo(200);
        assertThat(admin.providerXml().load().get(0).signIn().order()).isEqualTo(3);
        assertThat(admin.providerXml().load().get(0).signIn().emailDomains()).isEmpty();
    }
}
