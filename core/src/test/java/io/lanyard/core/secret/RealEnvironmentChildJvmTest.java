package io.lanyard.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real path, not the injected one: a child JVM started with a real environment variable and real {@code -D}
 * properties, reading them through {@code System.getenv()} and {@code System.getProperties()}.
 */
class RealEnvironmentChildJvmTest {

    private static final String IDP_ID = "GOxXFuPXJgiyAwuXugVG";
    private static final String IDP_NAME = SecretPropertyNames.identityProvider(IDP_ID);
    private static final String STATIC_NAME = SecretPropertyNames.IDENTITY_PROVIDER_STATIC;

    @TempDir
    Path directory;

    @Test
    void environmentVariableWinsOverAJvmPropertyOfTheSameName() throws Exception {
        Map<String, String> probe = runProbe("jira", "10.3.0", Map.of(IDP_NAME, "value-from-environment"),
                List.of("-D" + IDP_NAME + "=value-from-jvm"));

        assertThat(probe).containsEntry("source", "ENVIRONMENT_VARIABLE").containsEntry("name", IDP_NAME)
                .containsEntry("sha256", ResolverProbeMain.sha256("value-from-environment"))
                .containsEntry("property-after", "set");
    }

    @Test
    void perIdJvmPropertyWinsOverTheStaticEnvironmentVariable() throws Exception {
        Map<String, String> probe = runProbe("conf", "9.2.1", Map.of(STATIC_NAME, "static-from-environment"),
                List.of("-D" + IDP_NAME + "=per-id-from-jvm"));

        assertThat(probe).containsEntry("source", "SYSTEM_PROPERTY").containsEntry("name", IDP_NAME)
                .containsEntry("sha256", ResolverProbeMain.sha256("per-id-from-jvm"));
    }

    @Test
    void staticEnvironmentVariableIsUsedWhenNothingElseIsSet() throws Exception {
        Map<String, String> probe = runProbe("bamboo", "10.2.0", Map.of(STATIC_NAME, "static-from-environment"),
                List.of());

        assertThat(probe).containsEntry("source", "ENVIRONMENT_VARIABLE").containsEntry("name", STATIC_NAME)
                .containsEntry("sha256", ResolverProbeMain.sha256("static-from-environment"));
    }

    @Test
    void onBitbucket9ARealJvmPropertyIsClearedAndReadFromTheStoreOnTheNextStart() throws Exception {
        Map<String, String> first = runProbe("bitbucket", "9.4.2", Map.of(),
                List.of("-D" + IDP_NAME + "=secured-from-jvm", "-Dsecrets.secured-properties=" + IDP_NAME));

        assertThat(first).containsEntry("source", "SECURED_PROPERTY").containsEntry("property-after", "cleared")
                .containsEntry("sha256", ResolverProbeMain.sha256("secured-from-jvm"));

        Map<String, String> later = runProbe("bitbucket", "9.4.2", Map.of(),
                List.of("-Dsecrets.secured-properties=" + IDP_NAME));

        assertThat(later).containsEntry("source", "SECURED_PROPERTY")
                .containsEntry("sha256", ResolverProbeMain.sha256("secured-from-jvm"));
        assertThat(Files.readString(directory.resolve("secured-properties.properties"))).doesNotContain("secured-from-jvm");
    }

    @Test
    void onJiraTheSettingIsIgnoredAndTheRealPropertyStays() throws Exception {
        Map<String, String> probe = runProbe("jira", "10.3.0", Map.of(),
                List.of("-D" + IDP_NAME + "=plain-jvm", "-Dsecrets.secured-properties=" + IDP_NAME));

        assertThat(probe).containsEntry("source", "SYSTEM_PROPERTY").containsEntry("property-after", "set");
        assertThat(directory.resolve("secured-properties.properties")).doesNotExist();
    }

    private Map<String, String> runProbe(String platformId, String version, Map<String, String> environment,
            List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(jvmOptions);
        command.add(ResolverProbeMain.class.getName());
        command.addAll(List.of(platformId, version, directory.toString(), IDP_ID));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Only what this test gives: nothing of ours inherited from the environment running the build.
        builder.environment().keySet().removeIf(SecretPropertyNames::isOurs);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("probe finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Map<String, String> values = new LinkedHashMap<>();
        output.lines().filter(line -> line.startsWith("PROBE ")).map(line -> line.substring(6)).forEach(line -> {
            int equals = line.indexOf('=');
            values.put(line.substring(0, equals), line.substring(equals + 1));
        });
        assertThat(values).as(output).containsKeys("source", "name", "sha256", "property-after");
        return values;
    }
}
