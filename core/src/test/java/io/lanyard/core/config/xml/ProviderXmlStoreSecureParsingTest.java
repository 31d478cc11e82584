package io.lanyard.core.config.xml;

import static io.lanyard.core.config.xml.ProviderXmlFixtures.document;
import static io.lanyard.core.config.xml.ProviderXmlFixtures.provider;
import static io.lanyard.core.config.xml.ProviderXmlFixtures.thrownBy;
import static io.lanyard.core.config.xml.ProviderXmlFixtures.writeFile;
import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ProviderXmlStoreSecureParsingTest {

    private static final String DOCTYPE_MESSAGE = "provider.xml must not contain a DOCTYPE or entities";

    @TempDir
    Path directory;

    @Test
    void loadWhenDoctypePresentThenRefusedWithConfigInvalid() {
        writeFile(directory, "<?xml version=\"1.0\"?>\n<!DOCTYPE lanyard-providers>\n"
                + "<lanyard-providers version=\"1\"/>");

        LanyardException thrown = thrownBy(() -> store().load());

        assertThat(thrown).isInstanceOf(ConfigurationException.class);
        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertThat(thrown.getMessage()).contains(DOCTYPE_MESSAGE);
        assertThat(((ConfigurationException) thrown).fieldErrors()).extracting(FieldError::field).containsExactly("file");
    }

    @Test
    void loadWhenExternalEntityReadsEtcPasswdThenRefusedAndNothingOfItLeaks() throws IOException {
        writeFile(directory, "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE lanyard-providers [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + document(provider("abc", "<USERNAME_CLAIM>&xxe;</USERNAME_CLAIM>"))
                        .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", ""));

        LanyardException thrown = thrownBy(() -> store().load());

        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertThat(thrown.getMessage()).contains(DOCTYPE_MESSAGE);
        assertNoPasswdContent(thrown);
    }

    @Test
    void loadWhenExternalDtdPointsAtEtcPasswdThenRefusedAndNothingOfItLeaks() throws IOException {
        writeFile(directory, "<?xml version=\"1.0\"?>\n<!DOCTYPE lanyard-providers SYSTEM \"file:///etc/passwd\">\n"
                + "<lanyard-providers version=\"1\"/>");

        LanyardException thrown = thrownBy(() -> store().load());

        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertNoPasswdContent(thrown);
    }

    @Test
    void loadWhenParameterEntityFetchesExternalDtdThenRefused() {
        writeFile(directory, "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE x [<!ENTITY % remote SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %remote;]>\n"
                + "<lanyard-providers version=\"1\"/>");

        LanyardException thrown = thrownBy(() -> store().load());

        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertThat(thrown.getMessage()).contains(DOCTYPE_MESSAGE);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void loadWhenBillionLaughsThenRefusedQuicklyWithConfigInvalid() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            doctype.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        doctype.append("]>\n");
        writeFile(directory, "<?xml version=\"1.0\"?>\n" + doctype
                + "<lanyard-providers version=\"1\">&lol9;</lanyard-providers>");

        LanyardException thrown = thrownBy(() -> store().load());

        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertThat(thrown.getMessage()).contains(DOCTYPE_MESSAGE).doesNotContain("lollol");
    }

    @Test
    void loadWhenUndeclaredEntityReferenceThenUnreadableWithoutTheEntityName() {
        writeFile(directory, document(provider("abc", "<CLIENT_SECRET>part&secretRest;</CLIENT_SECRET>")));

        LanyardException thrown = thrownBy(() -> store().load());

        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_UNREADABLE);
        assertThat(thrown.getMessage()).doesNotContain("secretRest").doesNotContain("part");
    }

    @Test
    void loadWhenNotWellFormedThenUnreadableWithFileLineAndColumn() {
        writeFile(directory, "<?xml version=\"1.0\"?>\n<lanyard-providers version=\"1\">\n"
                + "  <provider id=\"abc\">\n    <DISPLAY_NAME>Keycloak</CLIENT_ID>\n");

        LanyardException thrown = thrownBy(() -> store().load());

        assertThat(thrown).isNotInstanceOf(ConfigurationException.class);
        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_UNREADABLE);
        assertThat(thrown.getMessage())
                .contains(directory.resolve("provider.xml").toString())
                .contains("line 4, column")
                .doesNotContain("Keycloak");
    }

    @Test
    void loadWhenFileIsEmptyThenUnreadable() {
        writeFile(directory, "");

        assertThat(thrownBy(() -> store().load()).errorCode()).isEqualTo(ErrorCode.CONFIG_UNREADABLE);
    }

    @Test
    void loadWhenFileIsMissingThenUnreadableNamingTheFile() {
        LanyardException thrown = thrownBy(() -> store().load());

        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_UNREADABLE);
        assertThat(thrown.getMessage()).contains(directory.resolve("provider.xml").toString()).contains("does not exist");
    }

    @Test
    void loadWhenFileIsADirectoryThenUnreadable() throws IOException {
        Files.createDirectory(directory.resolve("provider.xml"));

        assertThat(thrownBy(() -> store().load()).errorCode()).isEqualTo(ErrorCode.CONFIG_UNREADABLE);
    }

    @Test
    void loadWhenFileIsLargerThanOneMebibyteThenRefusedBeforeParsing() throws IOException {
        // Not XML at all: were it parsed, the error would be CONFIG_UNREADABLE, not the size.
        Files.write(directory.resolve("provider.xml"), new byte[SecureXml.MAX_BYTES + 1]);

        LanyardException thrown = thrownBy(() -> store().load());

        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertThat(thrown.getMessage()).contains("provider.xml is larger than 1 MiB");
    }

    @Test
    void loadWhenFileIsExactlyOneMebibyteThenParsed() throws IOException {
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lanyard-providers version=\"1\">\n<!--";
        String tail = "-->\n</lanyard-providers>\n";
        int padding = SecureXml.MAX_BYTES - head.length() - tail.length();
        Files.writeString(directory.resolve("provider.xml"), head + "x".repeat(padding) + tail, StandardCharsets.UTF_8);

        assertThat(Files.size(directory.resolve("provider.xml"))).isEqualTo(SecureXml.MAX_BYTES);
        assertThat(store().load()).isEmpty();
    }

    @Test
    void loadWhenBytesAreNotValidUtf8ThenUnreadable() throws IOException {
        byte[] head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lanyard-providers version=\"1\">"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] bad = {(byte) 0xC3, (byte) 0x28};
        byte[] tail = "</lanyard-providers>".getBytes(StandardCharsets.US_ASCII);
        Files.write(directory.resolve("provider.xml"), concat(head, bad, tail));

        assertThat(thrownBy(() -> store().load()).errorCode()).isEqualTo(ErrorCode.CONFIG_UNREADABLE);
    }

    @Test
    void withoutQuotedPartsRemovesEverythingTheParserQuotesFromTheDocument() {
        assertThat(SecureXml.withoutQuotedParts(
                "The element type \"DISPLAY_NAME\" must be terminated by the matching end-tag \"</DISPLAY_NAME>\"."))
                .isEqualTo("The element type \"…\" must be terminated by the matching end-tag \"…\".");
    }

    private static void assertNoPasswdContent(LanyardException thrown) throws IOException {
        String everything = thrown + " " + thrown.getMessage() + " " + (thrown.getCause() == null ? "" : thrown.getCause());
        assertThat(everything).doesNotContain("root:");
        Path passwd = Path.of("/etc/passwd");
        if (Files.isReadable(passwd)) {
            String firstLine = Files.readAllLines(passwd).stream().findFirst().orElse("root:");
            assertThat(everything).doesNotContain(firstLine);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }

    private IntegrationXmlStore<IdentityProviderConfig> store() {
        return IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, directory);
    }
}
