package io.lanyard.sandbox.idp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSecretFileTest {

    @TempDir
    Path home;

    @Test
    void generatesASecretOnceAndReadsTheSameOneLater() throws Exception {
        Secret first = ClientSecretFile.loadOrCreate(home);
        Secret second = ClientSecretFile.loadOrCreate(home);

        assertThat(first).isEqualTo(second);
        assertThat(first.reveal()).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void generatesDifferentSecretsForDifferentHomes(@TempDir Path otherHome) throws Exception {
        assertThat(ClientSecretFile.loadOrCreate(home)).isNotEqualTo(ClientSecretFile.loadOrCreate(otherHome));
    }

    @Test
    void keepsTheFileReadableByItsOwnerOnly() throws Exception {
        ClientSecretFile.loadOrCreate(home);
        Path file = home.resolve(ClientSecretFile.FILE_NAME);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void tightensPermissionsSomeoneLoosened() throws Exception {
        ClientSecretFile.loadOrCreate(home);
        Path file = home.resolve(ClientSecretFile.FILE_NAME);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        ClientSecretFile.loadOrCreate(home);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void refusesAFileWithoutSecretAndSaysWhatToDo() throws Exception {
        Files.writeString(home.resolve(ClientSecretFile.FILE_NAME), "# emptied\n");

        assertThatThrownBy(() -> ClientSecretFile.loadOrCreate(home))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("delete the file");
    }
}
