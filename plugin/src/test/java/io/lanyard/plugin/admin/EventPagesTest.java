package io.lanyard.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.error.ErrorCode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin page "Events": recent events with filters, CSV and JSON export, and the change an edit records. */
class EventPagesTest {

    private static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");

    @TempDir
    Path home;
    private AdminWebFixture admin;

    @BeforeEach
    void start() {
        admin = new AdminWebFixture(home, LanyardConfiguration.empty(), AdminWebFixture.filesOnly(),
                EntraEndpoints.NATIONAL_CLOUDS);
        admin.events.record(AuditEvent.of(AuditEventType.LOGIN_FAILED, T0).user("bob").integration("keycloak")
                .code(ErrorCode.USER_NOT_FOUND).correlationId("BOBREF1").sourceAddress("10.0.0.9").build());
        admin.events.record(AuditEvent.of(AuditEventType.LOGIN_SUCCEEDED, T0.plusSeconds(60)).user("alice")
                .integration("keycloak").correlationId("ALICEREF").build());
        admin.events.record(AuditEvent.of(AuditEventType.LOGIN_FAILED, T0.plusSeconds(120)).user("=cmd|' /C calc'!A0")
                .integration("entra").code(ErrorCode.ID_TOKEN_EXPIRED).correlationId("FORMULA").build());
    }

    @Test
    void thePageListsEventsNewestFirstAndFiltersByUserProviderCodeAndTime() throws Exception {
        AdminHttp.Response all = admin.get("/events");

        assertThat(all.status).isEqualTo(200);
        assertThat(all.body()).contains("id=\"tab-events\"").contains("BOBREF1").contains("ALICEREF");
        assertThat(all.body().indexOf("ALICEREF")).isLessThan(all.body().indexOf("BOBREF1"));

        String bob = admin.get("/events", Map.of("user", "Bob")).body();
        assertThat(bob).contains("BOBREF1").contains("LNY-502").doesNotContain("ALICEREF");
        assertThat(admin.get("/events", Map.of("provider", "entra", "code", "LNY-420")).body())
                .contains("FORMULA").doesNotContain("BOBREF1");
        assertThat(admin.get("/events", Map.of("from", "2026-12-06T09:00:30Z", "until", "2026-12-06T09:01:30Z"))
                .body()).contains("ALICEREF").doesNotContain("BOBREF1").doesNotContain("FORMULA");
        assertThat(admin.get("/events", Map.of("type", "LOGIN_SUCCEEDED")).body()).contains("ALICEREF")
                .doesNotContain("BOBREF1");
    }

    @Test
    void anUnreadableFilterIsRefusedWithLny852() throws Exception {
        AdminHttp.Response refused = admin.get("/events", Map.of("from", "yesterday"));

        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.body()).contains("LNY-852").doesNotContain("BOBREF1");
        assertThat(admin.get("/events", Map.of("limit", "0")).status).isEqualTo(400);
        assertThat(admin.get("/events", Map.of("type", "NOPE")).status).isEqualTo(400);
    }

    @Test
    void theExportsHoldTheFilteredEventsAsCsvAndJson() throws Exception {
        AdminHttp.Response csv = admin.get("/events/export.csv", Map.of("provider", "keycloak"));

        assertThat(csv.headers.get("Content-Disposition")).contains("lanyard-events.csv");
        assertThat(csv.body()).startsWith("time,type,user,actor,provider,code,reference,source,details\r\n")
                .contains("2026-12-06T09:00:00Z,LOGIN_FAILED,bob,,keycloak,LNY-502,BOBREF1,10.0.0.9,")
                .doesNotContain("FORMULA");

        String json = admin.get("/events/export.json", Map.of("user", "bob")).body();
        assertThat(json).startsWith("[{\"type\":\"LOGIN_FAILED\"").contains("\"reference\":\"BOBREF1\"")
                .doesNotContain("ALICEREF");
    }

    @Test
    void aCellThatASpreadsheetWouldRunIsQuoted() throws Exception {
        String csv = admin.get("/events/export.csv", Map.of("provider", "entra")).body();

        assertThat(csv).contains(",'=cmd|' /C calc'!A0,").doesNotContain(",=cmd");
    }

    @Test
    void anIntegrationCreatedThroughTheApiIsAnEventWithTheAdministratorAndTheFieldsButNotTheSecret()
            throws Exception {
        admin.user = "carol";
        AdminHttp.Response created = admin.api("POST", "/connectors", "{\"displayName\":\"Fabrikam\",\"tenantId\":"
                + "\"fabrikam.onmicrosoft.com\",\"clientId\":\"11111111-2222-3333-4444-555555555555\","
                + "\"clientSecret\":\"very-secret-value-1\"}");
        assertThat(created.status).isEqualTo(201);

        String page = admin.get("/events", Map.of("type", "CONFIGURATION_CHANGED")).body();

        assertThat(page).contains("carol").contains("DISPLAY_NAME.to=Fabrikam").contains("CLIENT_SECRET=changed")
                .doesNotContain("very-secret-value-1");
        assertThat(admin.get("/events/export.json", Map.of()).body()).doesNotContain("very-secret-value-1");
    }
}
