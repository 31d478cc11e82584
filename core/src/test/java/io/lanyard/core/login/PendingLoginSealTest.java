package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.OwnerOnlyFiles;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pending login as the browser carries it: sealed (AES-256-GCM) under the key every node shares, so that any
 * node opens it and nobody can read or change it unnoticed.
 */
class PendingLoginSealTest {

    private static final PendingLogin LOGIN = new PendingLogin("GOxXFuPXJgiyAwuXugVG", "https://idp.example.com/realms/a",
            "state-Zm9vYmFy", "nonce-secret-value", "verifier-secret-value-0123456789-0123456789",
            URI.create("https://jira.example.com/jira/plugins/servlet/lanyard/callback/GOxXFuPXJgiyAwuXugVG"),
            "/browse/ABC-1?focus=%C3%A9", Instant.parse("2026-12-05T10:10:00Z"));

    @TempDir
    Path home;

    private static ErrorCode refusal(PendingLoginSeal seal, String sealed) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> seal.open(sealed));
        assertThat(thrown).isInstanceOf(LanyardException.class);
        return ((LanyardException) thrown).errorCode();
    }

    @Test
    void whatOneNodeSealsAnotherNodeSharingTheHomeOpens() {
        String sealed = PendingLoginSeal.inFolder(home).seal(LOGIN);

        assertThat(PendingLoginSeal.inFolder(home).open(sealed)).isEqualTo(LOGIN);
    }

    @Test
    void theSealedTextRevealsNothingOfTheLoginAndDiffersEveryTime() {
        PendingLoginSeal seal = PendingLoginSeal.inFolder(home);
        String first = seal.seal(LOGIN);
        String second = seal.seal(LOGIN);

        String decoded = new String(Base64.getUrlDecoder().decode(first), StandardCharsets.ISO_8859_1);
        assertThat(decoded).doesNotContain("nonce-secret").doesNotContain("verifier-secret").doesNotContain("ABC-1");
        assertThat(first).isNotEqualTo(second).matches("[A-Za-z0-9_-]+");
        assertThat(first.length()).as("fits a cookie with room to spare").isLessThan(700);
    }

    @Test
    void everyChangedCharacterIsRefusedWithItsCode() {
        PendingLoginSeal seal = PendingLoginSeal.inFolder(home);
        String sealed = seal.seal(LOGIN);

        for (int i = 0; i < sealed.length(); i += 7) {
            String changed = sealed.substring(0, i) + (sealed.charAt(i) == 'A' ? 'B' : 'A') + sealed.substring(i + 1);
            assertThat(refusal(seal, changed)).as("character %d", i).isEqualTo(ErrorCode.PENDING_LOGIN_UNREADABLE);
        }
    }

    @Test
    void textsThatAreNoSealedLoginAreRefusedWithItsCode() {
        PendingLoginSeal seal = PendingLoginSeal.inFolder(home);
        String sealed = seal.seal(LOGIN);

        for (String bad : List.of("", "not base64 !", "AQ", sealed.substring(0, 30), sealed + sealed, "x".repeat(9000))) {
            assertThat(refusal(seal, bad)).isEqualTo(ErrorCode.PENDING_LOGIN_UNREADABLE);
        }
        assertThat(refusal(seal, null)).isEqualTo(ErrorCode.PENDING_LOGIN_UNREADABLE);
    }

    @Test
    void aLoginSealedUnderAnotherKeyIsRefused() throws Exception {
        Path otherHome = Files.createDirectory(home.resolve("other"));

        assertThat(refusal(PendingLoginSeal.inFolder(home), PendingLoginSeal.inFolder(otherHome).seal(LOGIN)))
                .isEqualTo(ErrorCode.PENDING_LOGIN_UNREADABLE);
        assertThat(refusal(PendingLoginSeal.inFolder(home), PendingLoginSeal.inMemory().seal(LOGIN)))
                .isEqualTo(ErrorCode.PENDING_LOGIN_UNREADABLE);
    }

    @Test
    void theKeyIsCreatedOnFirstUseReadableByItsOwnerOnly() throws Exception {
        PendingLoginSeal seal = PendingLoginSeal.inFolder(home);
        assertThat(home.resolve(LoginStateKey.FILE_NAME)).doesNotExist();

        seal.seal(LOGIN);

        Path key = home.resolve(LoginStateKey.FILE_NAME);
        assertThat(Base64.getDecoder().decode(Files.readString(key).strip())).hasSize(32);
        if (OwnerOnlyFiles.isPosix(key)) {
            assertThat(Files.getPosixFilePermissions(key)).isEqualTo(OwnerOnlyFiles.OWNER_READ_WRITE);
        }
    }

    @Test
    void nodesCreatingTheKeyAtTheSameMomentEndWithOneKey() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(8);
        try {
            List<PendingLoginSeal> seals = new ArrayList<>();
            List<Future<String>> sealed = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                PendingLoginSeal seal = PendingLoginSeal.inFolder(home);
                seals.add(seal);
                sealed.add(nodes.submit((Callable<String>) () -> seal.seal(LOGIN)));
            }
            Set<String> keys = new HashSet<>();
            for (Future<String> each : sealed) {
                String text = each.get();
                for (PendingLoginSeal seal : seals) {
                    assertThat(seal.open(text)).isEqualTo(LOGIN); // every node opens what any node sealed
                }
                keys.add(Files.readString(home.resolve(LoginStateKey.FILE_NAME)));
            }
            assertThat(keys).hasSize(1);
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void aKeyFileReplacedWhileRunningIsReadAgainAndOldLoginsAreRefused() throws Exception {
        PendingLoginSeal node = PendingLoginSeal.inFolder(home);
        String before = node.seal(LOGIN);
        Files.delete(home.resolve(LoginStateKey.FILE_NAME));
        String after = PendingLoginSeal.inFolder(home).seal(LOGIN); // another node creates a new key

        assertThat(node.open(after)).isEqualTo(LOGIN);
        assertThat(refusal(node, before)).isEqualTo(ErrorCode.PENDING_LOGIN_UNREADABLE);
    }

    @Test
    void aDamagedKeyFileStopsLoginsWithItsCode() throws Exception {
        Files.writeString(home.resolve(LoginStateKey.FILE_NAME), "not a key\n");

        assertThatThrownBy(() -> PendingLoginSeal.inFolder(home).seal(LOGIN)).isInstanceOfSatisfying(
                LanyardException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.LOGIN_STATE_KEY_UNAVAILABLE));
    }

    @Test
    void aHomeThatCannotHoldTheKeyStopsLoginsWithItsCode() throws Exception {
        Path notAFolder = Files.writeString(home.resolve("file"), "x");

        assertThatThrownBy(() -> PendingLoginSeal.inFolder(notAFolder.resolve("lanyard")).seal(LOGIN))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.LOGIN_STATE_KEY_UNAVAILABLE));
    }
}
