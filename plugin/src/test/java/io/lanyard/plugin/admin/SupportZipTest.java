package io.lanyard.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The support zip: what a helper needs, and no secret, token or cookie in any of its files. */
class SupportZipTest {

    private static final String PROVIDER_SECRET = "provider-secret-value-4711";
    private static final String NEXT_SECRET = "next-provider-secret-value-0815";
    private static final String CONNECTOR_SECRET = "connector-secret-value-2342";

    @TempDir
    Path home;

    @Test
    void theZipHoldsConfigurationEventsChecksVersionsNodesAndClockButNoSecretTokenOrCookie() throws Exception {
        IdentityProviderConfig provider = IdentityProviderConfig.builder().id("kc").displayName("Keycloak")
                .discoveryUrl("http://127.0.0.1:9/realms/a/.well-known/openid-configuration").clientId("lanyard")
                .clientSecret(StoredSecret.plaintext(Secret.of(PROVIDER_SECRET)))
                .nextClientSecret(StoredSecret.plaintext(Secret.of(NEXT_SECRET))).build();
        EntraConnectorConfig connector = EntraConnectorConfig.builder().id("wdlfqm6se9un").displayName("Graph")
                .tenantId("0a1b2c3d-4e5f-6789-abcd-ef0123456789").clientId("11111111-2222-3333-4444-555555555555")
                .clientSecret(StoredSecret.plaintext(Secret.of(CONNECTOR_SECRET))).build();
        AdminWebFixture admin = new AdminWebFixture(home, LanyardConfiguration.empty()
                .with(io.lanyard.core.config.IntegrationKind.IDENTITY_PROVIDER, List.of(provider))
                .with(io.lanyard.core.config.IntegrationKind.ENTRA_CONNECTOR, List.of(connector)),
                AdminWebFixture.filesOnly(), EntraEndpoints.NATIONAL_CLOUDS);
        admin.events.record(AuditEvent.of(AuditEventType.LOGIN_FAILED, Instant.parse("2026-12-06T09:00:00Z"))
                .user("bob").integration("kc").code(ErrorCode.USER_NOT_FOUND).correlationId("BOBREF").build());

        AdminHttp.Response zip = admin.get("/health/support.zip");

        assertThat(zip.headers.get("Content-Disposition")).contains("lanyard-support.zip");
        Map<String, String> files = unzip(zip.bytes.toByteArray());
        assertThat(files).containsOnlyKeys("configuration.txt", "events.jsonl", "providers.txt", "versions.txt",
                "nodes.txt", "clock.txt");
        assertThat(files.get("configuration.txt")).contains("[identity provider kc]").contains("CLIENT_ID = lanyard")
                .contains("CLIENT_SECRET = (removed: set)").contains("[Entra ID connector wdlfqm6se9un]");
        assertThat(files.get("events.jsonl")).contains("BOBREF").contains("LNY-502");
        assertThat(files.get("versions.txt")).contains("Jira 10.3.0 (test)").contains("java: ");
        assertThat(files.get("clock.txt")).contains("this node (UTC)").contains("kc: ");
        String all = String.join("\n", files.values());
        assertThat(all).doesNotContain(PROVIDER_SECRET).doesNotContain(NEXT_SECRET).doesNotContain(CONNECTOR_SECRET)
                .doesNotContain("eyJ") // no JWT (ID, access or logout token)
                .doesNotContainIgnoringCase("jsessionid").doesNotContainIgnoringCase("set-cookie")
                .doesNotContain("lanyard_state").doesNotContain("code=");
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
