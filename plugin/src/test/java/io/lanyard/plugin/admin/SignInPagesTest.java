package io.lanyard.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.config.LanyardConfiguration;
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
}
