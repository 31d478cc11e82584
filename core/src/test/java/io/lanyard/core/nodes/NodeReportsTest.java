package io.lanyard.core.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.HostProduct;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.core.secret.SecretSource;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.secret.resolver.SecuredStoreKeys;
import io.lanyard.core.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each node says in the shared home where its secrets come from (they may differ per node: environment variables are
 * a node's own) and which key of the encrypted store it reads with; a rotation of that key ends only when every node
 * said so.
 */
class NodeReportsTest {

    private static final String IDP_ID = "GOxXFuPXJgiyAwuXugVG";
    private static final String IDP_NAME = SecretPropertyNames.identityProvider(IDP_ID);
    private static final HostProduct BITBUCKET = HostProduct.of("bitbucket", "9.4.2");

    @TempDir
    Path home;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

    private static LanyardConfiguration configuration() {
        IdentityProviderConfig provider = IdentityProviderConfig.builder().id(IDP_ID).displayName("Keycloak")
                .discoveryUrl("https://idp.example.com/realms/acme").clientId("jira")
                .clientSecret(StoredSecret.external())
                .nextClientSecret(StoredSecret.plaintext(Secret.of("next-in-file"))).build();
        EntraConnectorConfig connector = EntraConnectorConfig.builder().id("wdlfqm6se9un").displayName("Contoso")
                .tenantId("contoso.onmicrosoft.com").clientId("11111111-2222-3333-4444-555555555555").build();
        return new LanyardConfiguration(List.of(provider), List.of(connector));
    }

    private ClientSecretResolver nodeWith(Map<String, String> environment) {
        Properties jvm = new Properties();
        jvm.setProperty("secrets.secured-properties", IDP_NAME);
        return ClientSecretResolver.atStart(environment, jvm, jvm::remove, BITBUCKET, Optional.of(home));
    }

    @Test
    void eachNodesReportSaysWhereItsSecretsComeFromWithFingerprintsOnly() throws Exception {
        NodeReporter nodeA = new NodeReporter("node-a", new NodeReports(home),
                nodeWith(Map.of(IDP_NAME, "current-on-a")), clock);
        NodeReporter nodeB = new NodeReporter("node-b", new NodeReports(home), nodeWith(Map.of()), clock);

        nodeA.report(configuration());
        nodeB.report(configuration());
        List<NodeReport> reports = new NodeReports(home).readAll();

        assertThat(reports).extracting(NodeReport::nodeId).containsExactly("node-a", "node-b");
        NodeReport.SecretUse onA = reports.get(0).secretOf(SecretOwner.identityProvider(IDP_ID)).orElseThrow();
        assertThat(onA.current().source()).isEqualTo(SecretSource.ENVIRONMENT_VARIABLE);
        assertThat(onA.current().propertyName()).contains(IDP_NAME);
        assertThat(onA.current().fingerprint()).contains(Secret.of("current-on-a").fingerprint());
        assertThat(onA.next().orElseThrow().fingerprint()).contains(Secret.of("next-in-file").fingerprint());
        NodeReport.SecretUse onB = reports.get(1).secretOf(SecretOwner.identityProvider(IDP_ID)).orElseThrow();
        assertThat(onB.current().source()).as("node b has no variable: its store has the value")
                .isEqualTo(SecretSource.SECURED_PROPERTY);
        assertThat(reports.get(1).secretOf(SecretOwner.connector("wdlfqm6se9un")).orElseThrow().current().problemCode())
                .contains(ErrorCode.CLIENT_SECRET_MISSING.code());
        String files;
        try (var list = Files.list(home.resolve(NodeReports.DIRECTORY))) {
            files = list.map(file -> {
                try {
                    return Files.readString(file);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.joining());
        }
        assertThat(files).doesNotContain("current-on-a").doesNotContain("next-in-file");
    }

    @Test
    void theStoresOldKeyGoesOnlyOnceEveryKnownNodeConfirmedTheNewOne() {
        ClientSecretResolver nodeA = nodeWith(new HashMap<>(Map.of(IDP_NAME, "current-value")));
        ClientSecretResolver nodeB = nodeWith(Map.of());
        NodeReports reports = new NodeReports(home);
        new NodeReporter("node-a", reports, nodeA, clock).report(configuration());
        new NodeReporter("node-b", reports, nodeB, clock).report(configuration());
        SecuredStoreKeys keys = nodeA.securedStoreKeys();

        SecuredStoreKeys.Status started = keys.startRotation();
        new NodeReporter("node-a", reports, nodeA, clock).report(configuration());

        assertThatThrownBy(() -> keys.finishRotation(confirmations(reports)))
                .isInstanceOfSatisfying(LanyardException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.SECURED_KEY_ROTATION_WAITING);
                    assertThat(e.getMessage()).contains("node-b").doesNotContain("node-a");
                });
        assertThat(keys.status().orElseThrow().rotating()).isTrue();

        new NodeReporter("node-b", reports, nodeB, clock).report(configuration());
        SecuredStoreKeys.Status finished = keys.finishRotation(confirmations(reports));

        assertThat(finished.rotating()).isFalse();
        assertThat(finished.keyId()).isEqualTo(started.storeKeyId());
    }

    @Test
    void aForgottenNodeNoLongerHoldsBackTheRotation() {
        ClientSecretResolver nodeA = nodeWith(Map.of(IDP_NAME, "current-value"));
        NodeReports reports = new NodeReports(home);
        new NodeReporter("gone", reports, nodeA, clock).report(configuration());
        nodeA.securedStoreKeys().startRotation();
        new NodeReporter("node-a", reports, nodeA, clock).report(configuration());

        assertThat(reports.forget("gone")).isTrue();

        assertThat(nodeA.securedStoreKeys().finishRotation(confirmations(reports)).rotating()).isFalse();
    }

    @Test
    void aDamagedReportIsSkippedNotFatal() throws Exception {
        NodeReports reports = new NodeReports(home);
        new NodeReporter("node-a", reports, nodeWith(Map.of()), clock).report(configuration());
        Files.writeString(home.resolve(NodeReports.DIRECTORY).resolve("broken.properties"), "written=yesterday\n");

        assertThat(reports.readAll()).extracting(NodeReport::nodeId).containsExactly("node-a");
    }

    @Test
    void aNodeNameThatIsNoSafeFileNameBecomesAStableOne() {
        assertThat(NodeIdentity.of("jira-node-1.example.com")).isEqualTo("jira-node-1.example.com");
        assertThat(NodeIdentity.of("../../etc/passwd")).startsWith("node-").isEqualTo(NodeIdentity.of("../../etc/passwd"));
        assertThat(NodeIdentity.of("a b")).startsWith("node-");
    }

    private static Map<String, Optional<String>> confirmations(NodeReports reports) {
        return reports.readAll().stream().collect(Collectors.toMap(NodeReport::nodeId, NodeReport::securedKeyId));
    }
}
