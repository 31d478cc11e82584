package io.lanyard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.sandbox.graph.TenantGraphStandIn;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory sync through the admin JSON API of a sandbox with {@code --entra-stand-in built-in}: a run started
 * with {@code POST dirsync/<id>/run} (202), its report from {@code GET dirsync/<id>}, the connector's sync document,
 * and the refusals (no XSRF token, an unknown connector).
 */
class SandboxDirectorySyncApiTest {

    private static final String API = "/plugins/servlet/lanyard/api";

    @TempDir
    static Path home;
    private static RunningSandbox sandbox;
    private static Browser admin;
    private static String token;
    private static String connectorId;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.onFreePorts(home).withBuiltInEntraStandIn());
        admin = new Browser();
        admin.submit(url("/login"), Map.of("username", "admin", "password", "admin"));
        token = admin.get(url(API + "/xsrf")).body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1").strip();
        connectorId = IntegrationXmlStore.of(IntegrationKind.ENTRA_CONNECTOR, sandbox.lanyardDirectory()).load()
                .stream().filter(c -> c.tenantId().equals(TenantGraphStandIn.TENANT)).findFirst().orElseThrow().id();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static URI url(String path) {
        return sandbox.baseUrl().resolve(path);
    }

    @Test
    void aRunStartedThroughTheApiFillsTheDirectoryAndReportsIt() throws Exception {
        assertThat(admin.get(url(API + "/connectors/" + connectorId)).body()).contains("\"sync\"")
                .contains("\"groupNamePattern\":\".*\"");

        Browser.Page started = admin.postJson(url(API + "/dirsync/" + connectorId + "/run"), "{\"preview\":false}",
                token);

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String status = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!status.contains("\"outcome\":\"SUCCEEDED\"") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = admin.get(url(API + "/dirsync/" + connectorId)).body();
        }
        assertThat(status).contains("\"outcome\":\"SUCCEEDED\"").contains("\"created\":2000");
        assertThat(sandbox.directory().findByUsername("user7")).isPresent();
    }

    @Test
    void withoutTheXsrfTokenNothingStarts() throws Exception {
        Browser.Page refused = admin.postJson(url(API + "/dirsync/" + connectorId + "/run"), "{\"preview\":true}",
                "wrong");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("LNY-702");
    }

    @Test
    void anUnknownConnectorIsRefusedWithItsCode() throws Exception {
        Browser.Page unknown = admin.get(url(API + "/dirsync/zzzzzzzzzzzz"));

        assertThat(unknown.status()).isEqualTo(500);
        assertThat(unknown.body()).contains("LNY-752");
    }
}
