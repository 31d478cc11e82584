package io.lanyard.core.config.xml;

import static io.lanyard.core.config.xml.ConnectorXmlFixtures.PLAINTEXT_SECRET;
import static io.lanyard.core.config.xml.ConnectorXmlFixtures.connector;
import static io.lanyard.core.config.xml.ConnectorXmlFixtures.document;
import static io.lanyard.core.config.xml.ConnectorXmlFixtures.everyFieldSet;
import static io.lanyard.core.config.xml.ConnectorXmlFixtures.requiredOnly;
import static io.lanyard.core.config.xml.ConnectorXmlFixtures.writeFile;
import static io.lanyard.core.config.xml.ProviderXmlFixtures.thrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.NationalCloud;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.DirectoryLock;
import io.lanyard.core.secret.StoredSecret;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code connector.xml}: round trips, refusals, and the same security and atomic-write rules as {@code provider.xml}. */
class ConnectorXmlStoreTest {

    @TempDir
    Path directory;

    private IntegrationXmlStore<EntraConnectorConfig> store() {
        return IntegrationXmlStore.of(IntegrationKind.ENTRA_CONNECTOR, directory);
    }

    private List<String> errorFields(String xml) {
        writeFile(directory, xml);
        LanyardException thrown = thrownBy(() -> store().load());
        assertThat(thrown).isInstanceOf(ConfigurationException.class);
        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
        return ((ConfigurationException) thrown).fieldErrors().stream().map(FieldError::field).toList();
    }

    @Test
    void fileIsConnectorXmlNextToProviderXml() {
        assertThat(store().file()).isEqualTo(directory.toAbsolutePath().resolve("connector.xml"));
        assertThat(store().file().getParent()).isEqualTo(IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER,
                directory).file().getParent());
    }

    @Test
    void roundTripKeepsEveryField() {
        List<EntraConnectorConfig> connectors = List.of(everyFieldSet(), requiredOnly("abcdef123456"));

        store().save(connectors);

        assertThat(store().load()).isEqualTo(connectors);
    }

    @Test
    void roundTripKeepsThePlaceholderAndAnEmptySecret() {
        EntraConnectorConfig external = requiredOnly("abcdef123456").toBuilder().clientSecret(StoredSecret.external()).build();
        EntraConnectorConfig none = requiredOnly("zzzzzz999999");

        store().save(List.of(external, none));

        assertThat(store().load()).extracting(EntraConnectorConfig::clientSecret)
                .containsExactly(StoredSecret.external(), StoredSecret.none());
    }

    @Test
    void writtenFileIsTheDocumentedFormat() throws IOException {
        store().save(List.of(requiredOnly("abcdef123456").toBuilder().clientSecret(StoredSecret.external()).build()));

        assertThat(Files.readString(store().file())).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <lanyard-connectors version="1">
                  <connector id="abcdef123456" enabled="true">
                    <DISPLAY_NAME>Entra</DISPLAY_NAME>
                    <TENANT_ID>0a1b2c3d-4e5f-6789-abcd-ef0123456789</TENANT_ID>
                    <CLIENT_ID>11111111-2222-3333-4444-555555555555</CLIENT_ID>
                    <CLIENT_SECRET>USING_ENVIRONMENT_PROPERTY</CLIENT_SECRET>
                    <CLIENT_SECRET_NEXT></CLIENT_SECRET_NEXT>
                    <CLIENT_SECRET_EXPIRES_ON></CLIENT_SECRET_EXPIRES_ON>
                    <CLIENT_AUTH_METHOD>client_secret_post</CLIENT_AUTH_METHOD>
                    <NATIONAL_CLOUD>GLOBAL</NATIONAL_CLOUD>
                    <GRAPH_BASE_URL></GRAPH_BASE_URL>
                    <SYNC_ENABLED>false</SYNC_ENABLED>
                    <SYNC_INTERVAL_MINUTES>30</SYNC_INTERVAL_MINUTES>
                    <SYNC_USERS>ALL</SYNC_USERS>
                    <SYNC_USER_GROUPS></SYNC_USER_GROUPS>
                    <SYNC_USER_FILTER></SYNC_USER_FILTER>
                    <SYNC_GROUPS>NONE</SYNC_GROUPS>
                    <SYNC_GROUP_IDS></SYNC_GROUP_IDS>
                    <SYNC_GROUP_NAME_PATTERN></SYNC_GROUP_NAME_PATTERN>
                    <SYNC_GROUP_PREFIX></SYNC_GROUP_PREFIX>
                    <SYNC_USERNAME_ATTRIBUTE>userPrincipalName</SYNC_USERNAME_ATTRIBUTE>
                    <SYNC_USERNAME_PATTERN></SYNC_USERNAME_PATTERN>
                    <SYNC_USERNAME_LOWERCASE>false</SYNC_USERNAME_LOWERCASE>
                    <SYNC_DIRECTORY></SYNC_DIRECTORY>
                    <SYNC_DEFAULT_GROUPS/>
                    <SYNC_DEACTIVATION_GRACE_DAYS>0</SYNC_DEACTIVATION_GRACE_DAYS>
                    <SYNC_SAFETY_STOP_PERCENT>10</SYNC_SAFETY_STOP_PERCENT>
                  </connector>
                </lanyard-connectors>
                """);
    }

    @Test
    void optionalElementsMayBeAbsentOrEmpty() {
        writeFile(directory, document(connector("abcdef123456", "<NATIONAL_CLOUD></NATIONAL_CLOUD>")));

        EntraConnectorConfig loaded = store().load().get(0);

        assertThat(loaded.nationalCloud()).isEqualTo(NationalCloud.GLOBAL);
        assertThat(loaded.graphBaseUrl()).isEmpty();
        assertThat(loaded.clientSecret()).isEqualTo(StoredSecret.none());
        assertThat(loaded.enabled()).isTrue();
    }

    @Test
    void loadIfExistsWithoutFileIsEmpty() {
        assertThat(store().exists()).isFalse();
        assertThat(store().loadIfExists()).isEmpty();
    }

    @Test
    void loadWhenFileMissingThenUnreadable() {
        assertThat(thrownBy(() -> store().load()).errorCode()).isEqualTo(ErrorCode.CONFIG_UNREADABLE);
    }

    @Test
    void refusesUnknownMissingAndDuplicateElementsAllAtOnce() {
        assertThat(errorFields(document(
                connector("abcdef123456", "<TENANT>x</TENANT>", "<CLIENT_ID>x</CLIENT_ID>"),
                "<connector id=\"zzzzzz999999\"><DISPLAY_NAME>x</DISPLAY_NAME></connector>")))
                .containsExactlyInAnyOrder(
                        "connectors[abcdef123456]", "connectors[abcdef123456].clientId",
                        "connectors[zzzzzz999999].tenantId", "connectors[zzzzzz999999].clientId");
    }

    @Test
    void refusesBadValues() {
        assertThat(errorFields(document(connector("abcdef123456",
                "<NATIONAL_CLOUD>global</NATIONAL_CLOUD>", "<GRAPH_BASE_URL>http://graph.microsoft.com</GRAPH_BASE_URL>")
                .replace("<TENANT_ID>0a1b2c3d-4e5f-6789-abcd-ef0123456789", "<TENANT_ID>not a tenant")
                .replace("id=\"abcdef123456\"", "id=\"abcdef123456\" enabled=\"yes\""))))
                .containsExactlyInAnyOrder("connectors[abcdef123456].nationalCloud",
                        "connectors[abcdef123456].graphBaseUrl", "connectors[abcdef123456].tenantId",
                        "connectors[abcdef123456].enabled");
    }

    @Test
    void refusesMalformedAndDuplicateIds() {
        assertThat(errorFields(document(
                connector("ABC"), connector("abcdef123456"), connector("abcdef123456"),
                "<connector><DISPLAY_NAME>x</DISPLAY_NAME></connector>")))
                .contains("connectors[#1].id", "connectors[abcdef123456].id", "connectors[#4].id");
    }

    @Test
    void refusesWrongRootAndUnknownVersion() {
        assertThat(errorFields("<lanyard-providers version=\"1\"/>")).containsExactly("file");
        assertThat(errorFields("<lanyard-connectors version=\"2\"/>")).containsExactly("version");
    }

    @Test
    void refusesDoctype() {
        writeFile(directory, "<?xml version=\"1.0\"?>\n<!DOCTYPE lanyard-connectors [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]>\n<lanyard-connectors version=\"1\">&x;</lanyard-connectors>");

        LanyardException thrown = thrownBy(() -> store().load());

        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertThat(thrown.getMessage()).contains("connector.xml must not contain a DOCTYPE or entities")
                .doesNotContain("root:");
    }

    @Test
    void refusesAFileLargerThanOneMebibyte() {
        writeFile(directory, document(connector("abcdef123456", "<!--" + "x".repeat(1024 * 1024) + "-->")));

        assertThat(thrownBy(() -> store().load()).errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
    }

    @Test
    void saveRefusesTwoConnectorsWithOneIdAndWritesNothing() {
        LanyardException thrown = thrownBy(() -> store().save(List.of(requiredOnly("abcdef123456"),
                requiredOnly("abcdef123456"))));

        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertThat(store().exists()).isFalse();
    }

    @Test
    void saveKeepsABackupAndBothAreOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        store().save(List.of(requiredOnly("abcdef123456")));
        byte[] first = Files.readAllBytes(store().file());
        Files.setPosixFilePermissions(store().file(), PosixFilePermissions.fromString("rw-r--r--"));

        store().save(List.of(everyFieldSet()));

        Path backup = directory.resolve("connector.xml.bak");
        assertThat(Files.readAllBytes(backup)).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store().file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
    }

    @Test
    void saveWhenReplaceFailsThenPreviousFileKeptAndNoTempFileLeft() throws IOException {
        store().save(List.of(requiredOnly("abcdef123456")));
        byte[] before = Files.readAllBytes(store().file());
        IntegrationXmlStore<EntraConnectorConfig> failing =
                new IntegrationXmlStore<>(ConnectorXml.FORMAT,
                directory, (source, target) -> {
            throw new IOException("disk full");
        });

        LanyardException thrown = thrownBy(() -> failing.save(List.of(everyFieldSet())));

        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_WRITE_FAILED);
        assertThat(Files.readAllBytes(store().file())).isEqualTo(before);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("connector.xml", "connector.xml.bak", DirectoryLock.FILE_NAME);
        }
    }

    @Test
    void savingConnectorsLeavesProviderXmlAlone() throws IOException {
        IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER,
                directory).save(new LanyardConfiguration(List.of(ProviderXmlFixtures.requiredOnly("abc"))));
        byte[] providers = Files.readAllBytes(IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER,
                directory).file());

        store().save(List.of(everyFieldSet()));

        assertThat(Files.readAllBytes(IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER,
                directory).file())).isEqualTo(providers);
    }

    @Test
    void noSecretInErrorsOrToString() {
        String secretInWrongPlaces = document(connector("abcdef123456",
                "<CLIENT_SECRET>" + PLAINTEXT_SECRET + "</CLIENT_SECRET>",
                "<NATIONAL_CLOUD>" + PLAINTEXT_SECRET + "</NATIONAL_CLOUD>",
                "<GRAPH_BASE_URL>" + PLAINTEXT_SECRET + "</GRAPH_BASE_URL>",
                "<TENANT_ID>" + PLAINTEXT_SECRET + "</TENANT_ID>"),
                "text " + PLAINTEXT_SECRET);
        writeFile(directory, secretInWrongPlaces);

        LanyardException thrown = thrownBy(() -> store().load());

        assertThat(thrown.getMessage()).doesNotContain(PLAINTEXT_SECRET);
        assertThat(thrown.toString()).doesNotContain(PLAINTEXT_SECRET);
        assertThat(everyFieldSet().toString()).doesNotContain(PLAINTEXT_SECRET);
        assertThat(store().toString()).doesNotContain(PLAINTEXT_SECRET);
    }
}
