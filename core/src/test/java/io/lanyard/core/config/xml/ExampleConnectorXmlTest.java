package io.lanyard.core.config.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.NationalCloud;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.core.secret.StoredSecret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented {@code docs/examples/connector.xml} must stay a file Lanyard loads. */
class ExampleConnectorXmlTest {

    private static final Path EXAMPLE = Path.of("docs", "examples", "connector.xml");

    @TempDir
    Path directory;

    @Test
    void documentedExampleLoads() throws IOException {
        List<EntraConnectorConfig> connectors = loadExample();

        assertThat(connectors).extracting(EntraConnectorConfig::id).containsExactly("wdlfqm6se9un", "k3v9x2m7q1pa");
        assertThat(connectors).extracting(EntraConnectorConfig::clientSecret)
                .containsOnly(StoredSecret.external());
    }

    @Test
    void documentedDodConnectorUsesItsExplicitGraphUrl() throws IOException {
        EntraConnectorConfig dod = loadExample().get(1);

        assertThat(dod.nationalCloud()).isEqualTo(NationalCloud.US_GOV);
        assertThat(dod.effectiveGraphBaseUrl()).hasToString("https://dod-graph.microsoft.us");
        assertThat(dod.enabled()).isFalse();
    }

    @Test
    void documentedDirectorySyncLoads() throws IOException {
        List<EntraConnectorConfig> connectors = loadExample();
        io.lanyard.core.config.DirectorySyncSettings sync = connectors.get(0).sync();

        assertThat(sync.enabled()).isTrue();
        assertThat(sync.groups()).isEqualTo(io.lanyard.core.config.DirectorySyncSettings.GroupScope.NAME_PATTERN);
        assertThat(sync.groupNamePattern()).contains("jira-.*");
        assertThat(sync.usernamePattern()).contains("(.*)@contoso\\.com");
        assertThat(sync.defaultGroups()).containsExactly("jira-software-users");
        assertThat(sync.deactivationGrace()).isEqualTo(java.time.Duration.ofDays(3));
        assertThat(connectors.get(1).sync().enabled()).as("no SYNC_ elements: off").isFalse();
    }

    @Test
    void documentedPropertyNamesAreTheOnesLanyardReads() throws IOException {
        String text = Files.readString(findExample());

        assertThat(text).contains(SecretPropertyNames.connector("wdlfqm6se9un"), SecretPropertyNames.CONNECTOR_STATIC);
    }

    private List<EntraConnectorConfig> loadExample() throws IOException {
        Files.copy(findExample(), directory.resolve(ConnectorXml.FILE_NAME));
        return IntegrationXmlStore.of(IntegrationKind.ENTRA_CONNECTOR, directory).load();
    }

    /** Maven runs the tests in core/; an IDE may run them in the repository's root. */
    private static Path findExample() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(EXAMPLE))) {
                return dir.resolve(EXAMPLE);
            }
        }
        throw new IllegalStateException(EXAMPLE + " not found above " + Path.of("").toAbsolutePath());
    }
}
