package io.lanyard.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.xml.SettingsXml;
import io.lanyard.core.entra.EntraEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code settings.xml} through the JSON API: read, changed whole or refused whole, and the emergency time box. */
class SettingsApiTest {

    @TempDir
    Path home;
    private AdminWebFixture admin;

    @BeforeEach
    void start() {
        admin = new AdminWebFixture(home, LanyardConfiguration.empty(), AdminWebFixture.filesOnly(),
                EntraEndpoints.NATIONAL_CLOUDS);
    }

    @Test
    void getShowsTheDefaultsAndWhereTheEmergencyFileGoes() throws Exception {
        AdminHttp.Response settings = admin.api("GET", "/settings", null);

        assertThat(settings.status).isEqualTo(200);
        assertThat(settings.body()).contains("\"ssoEnforced\":false").contains("\"loginPage\":\"REDIRECT\"")
                .contains("\"passwordLogin\":\"GROUPS\"").contains("emergency-access-open");
    }

    @Test
    void putChangesTheGivenFieldsStoresThemAndIsAudited() throws Exception {
        AdminHttp.Response changed = admin.api("PUT", "/settings", """
                {"signIn": {"ssoEnforced": true, "loginPage": "ALONGSIDE_FORM"},
                 "emergencyAccess": {"groups": ["break-glass"]}}""");

        assertThat(changed.status).isEqualTo(200);
        assertThat(admin.settings.current().signIn().ssoEnforced()).isTrue();
        assertThat(admin.settings.current().emergencyAccess().groups()).containsExactly("break-glass");
        assertThat(Files.readString(home.resolve(SettingsXml.FILE_NAME))).contains("<GROUP>break-glass</GROUP>");
        assertThat(admin.audited).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(AuditEventType.SETTINGS_CHANGED);
            assertThat(event.actor()).contains("admin");
            // issue 19: the fields that changed, with their old and new values
            assertThat(event.details()).containsEntry("emergencyAccess.groups.to", "[break-glass]")
                    .containsKey("emergencyAccess.groups.from");
        });
    }

    @Test
    void anInvalidDocumentIsRefusedWholeWithEveryFieldAndNothingChanges() throws Exception {
        AdminHttp.Response refused = admin.api("PUT", "/settings", """
                {"signIn": {"ssoEnforced": true, "loopMaxLogins": 1},
                 "emergencyAccess": {"systemAdministrators": false}}""");

        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.body()).contains("LNY-100").contains("loopMaxLogins").contains("emergencyGroups");
        assertThat(admin.settings.current().signIn().ssoEnforced()).isFalse();
        assertThat(home.resolve(SettingsXml.FILE_NAME)).doesNotExist();
        assertThat(admin.audited).isEmpty();
    }

    @Test
    void anAdministratorOpensThePasswordFormToEveryoneForAWhileAndClosesItAgain() throws Exception {
        Instant before = Instant.now();

        AdminHttp.Response opened = admin.api("POST", "/settings/emergency-access/open", "{\"minutes\": 60}");

        assertThat(opened.status).isEqualTo(200);
        Instant until = admin.settings.current().emergencyAccess().openToEveryoneUntil().orElseThrow();
        assertThat(until).isBetween(before.plus(Duration.ofMinutes(60)), Instant.now().plus(Duration.ofMinutes(60)));
        assertThat(admin.audited).singleElement().satisfies(
                event -> assertThat(event.type()).isEqualTo(AuditEventType.EMERGENCY_ACCESS_CHANGED));

        assertThat(admin.api("DELETE", "/settings/emergency-access/open", null).status).isEqualTo(200);
        assertThat(admin.settings.current().emergencyAccess().openToEveryoneUntil()).isEmpty();
    }

    @Test
    void aTimeBoxOutOfRangeIsRefused() throws Exception {
        assertThat(admin.api("POST", "/settings/emergency-access/open", "{\"minutes\": 0}").status).isEqualTo(400);
        assertThat(admin.api("POST", "/settings/emergency-access/open", "{\"minutes\": 100000}").status)
                .isEqualTo(400);
        assertThat(admin.settings.current().emergencyAccess().openToEveryoneUntil()).isEmpty();
    }

    @Test
    void onlySystemAdministratorsMayAndChangesNeedTheXsrfToken() throws Exception {
        admin.administrator = false;
        assertThat(admin.api("GET", "/settings", null).status).isEqualTo(403);

        admin.administrator = true;
        AdminHttp.Request withoutToken = admin.apiRequest("POST", "/settings/emergency-access/open")
                .json("{\"minutes\": 60}");
        assertThat(admin.call(admin.api, withoutToken).status).isEqualTo(403);
        assertThat(admin.settings.current().emergencyAccess().openToEveryoneUntil()).isEmpty();
    }

    @Test
    void theBasicAuthSectionIsReadAndChangedThroughTheApi() throws Exception {
        assertThat(admin.api("GET", "/settings", null).body()).contains("\"refuseForManagedAccounts\":false")
                .contains("basic-auth.off").contains("\"switchedOffByFile\":false");

        AdminHttp.Response changed = admin.api("PUT", "/settings", """
                {"basicAuth": {"refuseForManagedAccounts": true, "exceptGroups": ["git-legacy"],
                 "exceptAddresses": ["192.0.2.0/24"], "offFile": "ignored"}}""");

        assertThat(changed.status).isEqualTo(200);
        assertThat(admin.settings.current().basicAuth().refuseForManagedAccounts()).isTrue();
        assertThat(admin.settings.current().basicAuth().exceptGroups()).containsExactly("git-legacy");
        assertThat(Files.readString(home.resolve(SettingsXml.FILE_NAME)))
                .contains("<EXCEPT_ADDRESS>192.0.2.0/24</EXCEPT_ADDRESS>");

        AdminHttp.Response refused = admin.api("PUT", "/settings", """
                {"basicAuth": {"refuseForManagedAccounts": false, "trustedProxies": ["everyone"]}}""");
        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.body()).contains("LNY-100").contains("basicAuthTrustedProxies");
        assertThat(admin.settings.current().basicAuth().refuseForManagedAccounts()).isTrue();
    }
}
