package io.lanyard.core.secret.secured;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.files.AtomicFileWriter;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.core.testing.LogCapture;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the log tells an administrator when a secret is stored encrypted: where it came from, and for an environment
 * variable (which a process cannot remove from itself) that it stays readable in the process until the next start
 * without it. Never the value; and the stored values describe themselves without it.
 */
class SecuredPropertyImporterLogTest {

    private static final String IDP = SecretPropertyNames.identityProvider("GOxXFuPXJgiyAwuXugVG");
    private static final String SECRET = "idp-Secret-4f9a2c";

    @TempDir
    Path directory;

    private SecuredPropertyImporter.Result importFrom(Map<String, String> environment, Map<String, String> jvm) {
        List<String> cleared = new ArrayList<>();
        return new SecuredPropertyImporter(directory, AtomicFileWriter.ATOMIC_MOVE, new SecureRandom())
                .importAtStart(List.of(IDP), environment, new HashMap<>(jvm), cleared::add);
    }

    @Test
    void aSecretFromTheEnvironmentIsStoredWithAWarningThatItStaysInTheProcess() {
        try (LogCapture log = LogCapture.start()) {
            importFrom(Map.of(IDP, SECRET), Map.of());

            assertThat(log.messagesOf(SecuredPropertyImporter.class))
                    .anySatisfy(line -> assertThat(line).startsWith("Stored " + IDP + " (from the environment) encrypted"))
                    .anySatisfy(line -> assertThat(line).startsWith(IDP + " is an environment variable"));
            assertThat(log.lines()).noneMatch(line -> line.contains(SECRET));
        }
    }

    @Test
    void aSecretFromAJvmPropertyIsStoredWithoutThatWarning() {
        try (LogCapture log = LogCapture.start()) {
            SecuredPropertyImporter.Result result = importFrom(Map.of(), Map.of(IDP, SECRET));

            assertThat(log.messagesOf(SecuredPropertyImporter.class))
                    .anySatisfy(line -> assertThat(line).startsWith("Stored " + IDP + " (from the JVM system properties)"))
                    .noneMatch(line -> line.contains("is an environment variable"));
            assertThat(log.lines()).noneMatch(line -> line.contains(SECRET));
            assertThat(result.values().toString()).startsWith("SecuredPropertyValues[").contains(IDP)
                    .doesNotContain(SECRET);
        }
    }
}
