package io.lanyard.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin page "Health": last sign-ins per provider, its discovery fetch, the one-click emergency opening. */
class HealthPagesTest {

    @TempDir
    Path home;
    private AdminWebFixture admin;

    @BeforeEach
    void start() {
        // a provider nobody can reach: port 9 (discard) on this machine
        admin = new AdminWebFixture(home, new LanyardConfiguration(List.of(IdentityProviderConfig.builder().id("kc")
                .displayName("Keycloak").discoveryUrl("http://127.0.0.1:9/realms/a/.well-known/openid-configuration")
                .clientId("lanyard").clientSecret(io.lanyard.core.secret.StoredSecret.plaintext(
                        io.lanyard.core.secret.Secret.of("a-secret-of-some-length")))
                .build())), AdminWebFixture.filesOnly(), EntraEndpoints.NATIONAL_CLOUDS);
    }

    @Test
    void thePageShowsTheLastSuccessAndFailureWithItsCodeAndTheDiscoveryFailure() throws Exception {
        admin.events.record(AuditEvent.of(AuditEventType.LOGIN_SUCCEEDED, Instant.parse("2026-12-06T08:00:00Z"))
                .user("alice").integration("kc").build());
        admin.events.record(AuditEvent.of(AuditEventType.LOGIN_FAILED, Instant.parse("2026-12-06T09:00:00Z"))
                .user("bob").integration("kc").code(ErrorCode.USER_NOT_FOUND).build());
        try {
            admin.logins.startLogin("kc", "/");
        } catch (LanyardException unreachable) {
            assertThat(unreachable.errorCode()).isEqualTo(ErrorCode.DISCOVERY_UNREACHABLE);
        }

        AdminHttp.Response page = admin.get("/health");

        assertThat(page.status).isEqualTo(200);
        assertThat(page.body()).contains("id=\"tab-health\"").contains("2026-12-06T08:00:00Z alice")
                .contains("2026-12-06T09:00:00Z bob").contains("LNY-502").contains("LNY-200")
                .contains("id=\"health-open-emergency\"");
    }

    @Test
    void theOneClickOpeningOpensTheTimeBoxAndIsAudited() throws Exception {
        String page = admin.get("/health").body();
        assertThat(page).contains("action=\"/jira/plugins/servlet/lanyard/admin/signin/open\"")
                .contains("name=\"minutes\" value=\"60\"");

        AdminHttp.Response opened = admin.post("/signin/open", Map.of("minutes", "60"));

        assertThat(opened.status).isLessThan(400);
        assertThat(admin.settings.current().emergencyAccess().openToEveryoneUntil()).isPresent();
        assertThat(admin.events.recent(io.lanyard.core.audit.EventQuery.all()
                .withType(AuditEventType.EMERGENCY_ACCESS_CHANGED))).hasSize(1);
    }

    @Test
    void debugLoggingIsSwitchedOnForAProviderFromThePageAndOffAgain() throws Exception {
        AdminHttp.Response on = admin.post("/health/debug/kc", Map.of());

        assertThat(on.status).isLessThan(400);
        assertThat(admin.logins.debug().onUntil("kc")).isPresent();
        assertThat(admin.get("/health").body()).contains("class=\"debug-until\"");

        admin.post("/health/debug/kc", Map.of("debug", "off"));
        assertThat(admin.logins.debug().onUntil("kc")).isEmpty();
        assertThat(admin.audited).filteredOn(event -> event.type() == AuditEventType.SETTINGS_CHANGED)
                .as("switched on, then off, by whom and for which provider").hasSize(2)
                .allSatisfy(event -> {
                    assertThat(event.integrationId()).contains("kc");
                    assertThat(event.actor()).isPresent();
                    assertThat(event.details()).containsKeys("debugLogging.from", "debugLogging.to");
                })
                .last().satisfies(event -> assertThat(event.details()).containsEntry("debugLogging.to", "off"));
        assertThat(admin.post("/health/debug/nope", Map.of()).status).isEqualTo(404);
    }
}
