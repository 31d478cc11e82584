package io.lanyard.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.bearer.BasicAuthOffFile;
import io.lanyard.core.config.BasicAuthPolicy;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.LanyardSettings;
import io.lanyard.core.entra.EntraEndpoints;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "Sign-in" admin page: the settings in force, and the emergency time box opened and closed from the page. */
class SignInPagesTest {

    @TempDir
    Path home;
    private AdminWebFixture admin;

    @BeforeEach
    void start() {
        admin = new AdminWebFixture(home, LanyardConfiguration.empty(), AdminWebFixture.filesOnly(),
                EntraEndpoints.NATIONAL_CLOUDS);
    }

    @Test
    void thePageShowsTheSettingsInForceAndTheEmergencyFile() throws Exception {
        admin.settings.change(s -> s.toBuilder().ssoEnforced(true).groups(java.util.List.of("<break-glass>")).build());

        AdminHttp.Response page = admin.get("/signin");

        assertThat(page.status).isEqualTo(200);
        assertThat(page.body()).contains("id=\"tab-signin\"").contains("id=\"open-time-box\"")
                .contains("&lt;break-glass&gt;").doesNotContain("<break-glass>").contains("emergency-access-open");
    }

    @Test
    void anAdministratorOpensTheFormForAWhileAndClosesIt() throws Exception {
        AdminHttp.Response opened = admin.post("/signin/open", Map.of("minutes", "30"));

        assertThat(opened.status).isLessThan(400);
        assertThat(admin.settings.current().emergencyAccess().openToEveryoneUntil()).isPresent();
        assertThat(admin.get("/signin").body()).contains("id=\"open-until\"").contains("id=\"close-time-box\"");
        assertThat(admin.audited).singleElement().satisfies(
                event -> assertThat(event.type()).isEqualTo(AuditEventType.EMERGENCY_ACCESS_CHANGED));

        admin.post("/signin/close", Map.of());
        assertThat(admin.settings.current().emergencyAccess().openToEveryoneUntil()).isEmpty();
    }

    @Test
    void minutesOutOfRangeAreRefusedOnThePageAndNothingChanges() throws Exception {
        AdminHttp.Response refused = admin.post("/signin/open", Map.of("minutes", "0"));

        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.body()).contains("LNY-100").contains("minutes");
        assertThat(admin.settings.current().emergencyAccess().openToEveryoneUntil()).isEmpty();
    }

    @Test
    void aPostWithoutTheFormsTokenIsRefused() throws Exception {
        AdminHttp.Request forged = new AdminHttp.Request("POST", AdminWebFixture.PAGES + "/signin/open", admin.session)
                .parameter("minutes", "60");

        assertThat(admin.call(admin.pages, forged).status).isEqualTo(403);
        assertThat(admin.settings.current().emergencyAccess().openToEveryoneUntil()).isEmpty();
    }

    @Test
    void anAdministratorRefusesBasicAuthWithExceptionsFromThePage() throws Exception {
        AdminHttp.Response saved = admin.post("/signin/basic-auth", Map.of("refuseForManagedAccounts", "true",
                "exceptAccounts", "ci-legacy\n\n  backup ", "exceptGroups", "basic-auth-allowed",
                "exceptAddresses", "10.0.0.0/8", "trustedProxies", ""));

        assertThat(saved.status).isLessThan(400);
        BasicAuthPolicy policy = admin.settings.current().basicAuth();
        assertThat(policy.refuseForManagedAccounts()).isTrue();
        assertThat(policy.exceptAccounts()).containsExactly("ci-legacy", "backup");
        assertThat(policy.exceptGroups()).containsExactly("basic-auth-allowed");
        assertThat(policy.exceptAddresses()).hasSize(1);
        assertThat(admin.audited).singleElement().satisfies(
                event -> assertThat(event.type()).isEqualTo(AuditEventType.SETTINGS_CHANGED));
        assertThat(admin.get("/signin").body()).contains("id=\"basic-auth-refuse\"").contains(" checked")
                .contains("ci-legacy\nbackup").contains(BasicAuthOffFile.FILE_NAME);
    }

    @Test
    void anInvalidRangeIsRefusedOnThePageWithWhatWasTypedAndNothingChanges() throws Exception {
        AdminHttp.Response refused = admin.post("/signin/basic-auth", Map.of("refuseForManagedAccounts", "true",
                "exceptAddresses", "proxy.example.com", "trustedProxies", "10.0.0.0/99"));

        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.body()).contains("data-field=\"basicAuthExceptAddresses\"")
                .contains("data-field=\"basicAuthTrustedProxies\"").contains("proxy.example.com");
        assertThat(admin.settings.current().basicAuth()).isEqualTo(LanyardSettings.defaults().basicAuth());
        assertThat(admin.audited).isEmpty();
    }

    @Test
    void thePageSaysWhenTheSwitchOffFileAllowsEveryone() throws Exception {
        java.nio.file.Files.createDirectories(admin.settings.file().orElseThrow().getParent());
        java.nio.file.Files.createFile(admin.settings.file().orElseThrow().resolveSibling(BasicAuthOffFile.FILE_NAME));

        assertThat(admin.get("/signin").body()).contains("id=\"basic-auth-switched-off\"");
    }
}
