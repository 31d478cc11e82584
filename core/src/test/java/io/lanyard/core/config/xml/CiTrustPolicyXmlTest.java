package io.lanyard.core.config.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.lanyard.core.config.CiProvider;
import io.lanyard.core.config.CiTrustPolicy;
import io.lanyard.core.config.ClaimCondition;
import io.lanyard.core.config.IntegrationKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ci-trust.xml}: every field survives a round trip; the example loads; a policy without a condition does not. */
class CiTrustPolicyXmlTest {

    @TempDir
    Path directory;

    private IntegrationXmlStore<CiTrustPolicy> store() {
        return IntegrationXmlStore.of(IntegrationKind.CI_TRUST_POLICY, directory);
    }

    @Test
    void roundTripKeepsEveryField() {
        List<CiTrustPolicy> policies = List.of(CiTrustPolicy.builder().id("ghrelease001").displayName("Releases")
                .enabled(false).ciProvider(CiProvider.GITHUB_ACTIONS).issuer("https://github.example.com/_services/token")
                .jwksUri("https://github.example.com/_services/token/.well-known/jwks")
                .audiences(List.of("https://jira.example.com", "jira")).conditions(List.of(
                        new ClaimCondition("repository_id", "892374"), new ClaimCondition("ref", "refs/heads/release/*")))
                .account("ci-release").serviceAccountDirectory("Internal Directory").readOnly(true)
                .pathPrefixes(List.of("/rest/api/2/", "/rest/agile/1.0/board")).maxTokenAge(Duration.ofMinutes(5))
                .build());
        store().save(policies);
        assertThat(store().load()).isEqualTo(policies);
        assertThat(store().file().getFileName()).hasToString("ci-trust.xml");
    }

    @Test
    void theExampleFileLoads() throws Exception {
        Files.copy(Path.of("../docs/examples/ci-trust.xml"), directory.resolve("ci-trust.xml"));
        assertThat(store().load()).singleElement().satisfies(policy -> {
            assertThat(policy.ciProvider()).isEqualTo(CiProvider.BITBUCKET_PIPELINES);
            assertThat(policy.account()).isEqualTo("ci-bot");
            assertThat(policy.conditions()).extracting(ClaimCondition::claim).containsExactly("repositoryUuid", "branchName");
        });
    }

    @Test
    void aPolicyWithoutConditionsIsRefused() throws Exception {
        Files.writeString(directory.resolve("ci-trust.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <lanyard-ci-trust-policies version="1">
                  <policy id="abcdef123456" enabled="true">
                    <DISPLAY_NAME>Everyone</DISPLAY_NAME>
                    <CI>GITHUB_ACTIONS</CI>
                    <ISSUER>https://token.actions.githubusercontent.com</ISSUER>
                    <AUDIENCES>https://github.com/acme</AUDIENCES>
                    <ACCOUNT>ci-bot</ACCOUNT>
                  </policy>
                </lanyard-ci-trust-policies>
                """);
        Throwable thrown = catchThrowable(() -> store().load());
        assertThat(thrown).hasMessageContaining("conditions");
    }
}
