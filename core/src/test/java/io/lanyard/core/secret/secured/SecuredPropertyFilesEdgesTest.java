package io.lanyard.core.secret.secured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.files.AtomicFileWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secured-property files at their limits: the largest key file and store still read, and a damaged store line
 * named by its number (never quoted: it may hold an encrypted secret).
 */
class SecuredPropertyFilesEdgesTest {

    private static final String NAME = "ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDCSTATIC_CLIENTSECRET";
    private static final int KEY_FILE_MAX_BYTES = 1024;
    private static final int STORE_MAX_BYTES = 256 * 1024;

    @TempDir
    Path directory;

    private SecuredPropertyStore store() {
        return new SecuredPropertyStore(directory, AtomicFileWriter.ATOMIC_MOVE);
    }

    private Path storeFile() {
        return directory.resolve(SecuredPropertyStore.FILE_NAME);
    }

    @Test
    void aKeyFilePaddedToItsLimitIsRead() throws Exception {
        byte[] key = SecuredPropertyCipher.newKey(new SecureRandom());
        String encoded = Base64.getEncoder().encodeToString(key);
        Files.writeString(directory.resolve(SecuredPropertyKeyFile.FILE_NAME),
                encoded + " ".repeat(KEY_FILE_MAX_BYTES - encoded.length()));

        assertThat(new SecuredPropertyKeyFile(directory).read()).hasValueSatisfying(read -> assertThat(read).isEqualTo(key));
    }

    @Test
    void aStorePaddedToItsLimitIsRead() throws Exception {
        store().write(new SecuredPropertyStore.Contents("c9bea30cba63ebed", new TreeMap<>(java.util.Map.of(NAME, "AAAA"))));
        String text = Files.readString(storeFile());
        Files.writeString(storeFile(), text + "#" + "x".repeat(STORE_MAX_BYTES - text.length() - 1));

        assertThat(store().read()).hasValueSatisfying(contents -> assertThat(contents.encrypted()).containsKey(NAME));
    }

    @Test
    void aLineWithoutANameIsNamedByItsNumber() throws Exception {
        Files.writeString(storeFile(), "format=1\nkey-id=c9bea30cba63ebed\n=AAAA\n");

        assertThatThrownBy(() -> store().read()).isInstanceOf(SecuredStoreException.class)
                .hasMessageEndingWith("line 3 is not name=value");
    }

    @Test
    void aForeignNameIsNamedByItsLineNumber() throws Exception {
        Files.writeString(storeFile(), "format=1\n\nSOMEONE_ELSES=AAAA\n");

        assertThatThrownBy(() -> store().read()).isInstanceOf(SecuredStoreException.class)
                .hasMessageEndingWith("line 3 has a name that is not Lanyard's");
    }

    @Test
    void aRepeatedNameIsRefused() throws Exception {
        Files.writeString(storeFile(), "format=1\nkey-id=c9bea30cba63ebed\n" + NAME + "=AAAA\n" + NAME + "=BBBB\n");

        assertThatThrownBy(() -> store().read()).isInstanceOf(SecuredStoreException.class)
                .hasMessageEndingWith("line 4 repeats a name");
    }
}
