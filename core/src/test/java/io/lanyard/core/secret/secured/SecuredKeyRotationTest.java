package io.lanyard.core.secret.secured;

import static io.lanyard.core.secret.secured.SecuredPropertyImporterTest.CONNECTOR;
import static io.lanyard.core.secret.secured.SecuredPropertyImporterTest.CONNECTOR_SECRET;
import static io.lanyard.core.secret.secured.SecuredPropertyImporterTest.IDP;
import static io.lanyard.core.secret.secured.SecuredPropertyImporterTest.IDP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.AtomicFileWriter;
import io.lanyard.core.secret.ResolvedSecret;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.SecretPropertyNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotating the encrypted store's key loses nothing, whichever step is interrupted: after every interruption a node
 * that starts reads every value, and repeating the step finishes the rotation.
 */
class SecuredKeyRotationTest {

    private static final AtomicFileWriter.Replacer FAILS = (source, target) -> {
        throw new IOException("the disk is full");
    };
    private static final List<String> NAMES = List.of(IDP, CONNECTOR);

    @TempDir
    Path directory;

    @BeforeEach
    void storeTwoValues() {
        importAtStart(Map.of(IDP, IDP_SECRET, CONNECTOR, CONNECTOR_SECRET));
    }

    private SecuredPropertyImporter.Result importAtStart(Map<String, String> jvm) {
        return new SecuredPropertyImporter(directory, AtomicFileWriter.ATOMIC_MOVE, new SecureRandom())
                .importAtStart(NAMES, Map.of(), jvm, name -> { });
    }

    /** What a node starting now reads: every value must be there. */
    private void aStartReadsEveryValue() {
        SecuredPropertyImporter.Result restarted = importAtStart(Map.of());
        assertThat(value(restarted, IDP)).isEqualTo(IDP_SECRET);
        assertThat(value(restarted, CONNECTOR)).isEqualTo(CONNECTOR_SECRET);
    }

    private static String value(SecuredPropertyImporter.Result result, String name) {
        ResolvedSecret resolved = result.values().lookup(name).orElseThrow();
        assertThat(resolved.problem()).as(name).isEmpty();
        return resolved.secret().map(Secret::reveal).orElseThrow();
    }

    private SecuredKeyRotation rotation() {
        return new SecuredKeyRotation(directory);
    }

    private String keyFileText() throws IOException {
        return Files.readString(directory.resolve(SecuredPropertyKeyFile.FILE_NAME));
    }

    @Test
    void aWholeRotationReEncryptsEveryValueAndDropsTheOldKeyOnlyAtTheEnd() throws IOException {
        String oldKey = keyFileText();
        SecuredKeyRotation.Status before = rotation().status().orElseThrow();

        SecuredKeyRotation.Status started = rotation().start();
        assertThat(started.reEncrypted()).isTrue();
        assertThat(started.storeKeyId()).isNotEqualTo(before.storeKeyId()).isEqualTo(started.nextKeyId().orElseThrow());
        assertThat(started.keyId()).as("the old key stays").isEqualTo(before.keyId());
        assertThat(keyFileText()).isEqualTo(oldKey);
        aStartReadsEveryValue();
        assertThat(rotation().verify()).isEqualTo(started.storeKeyId());

        SecuredKeyRotation.Status finished = rotation().finish();
        assertThat(finished.rotating()).isFalse();
        assertThat(finished.keyId()).isEqualTo(started.storeKeyId());
        assertThat(directory.resolve(SecuredPropertyKeyFile.NEXT_FILE_NAME)).doesNotExist();
        assertThat(keyFileText()).isNotEqualTo(oldKey);
        aStartReadsEveryValue();
    }

    @Test
    void anInterruptedReEncryptionLeavesTheStoreAsItWasAndRepeatingItFinishes() throws IOException {
        String storeBefore = Files.readString(directory.resolve(SecuredPropertyStore.FILE_NAME));

        assertThatThrownBy(() -> new SecuredKeyRotation(directory, FAILS, AtomicFileWriter.ATOMIC_MOVE).start())
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIG_WRITE_FAILED));

        assertThat(Files.readString(directory.resolve(SecuredPropertyStore.FILE_NAME))).isEqualTo(storeBefore);
        assertThat(rotation().status().orElseThrow().reEncrypted()).isFalse();
        aStartReadsEveryValue();
        noTemporaryFileLeft();

        String nextKey = rotation().status().orElseThrow().nextKeyId().orElseThrow();
        SecuredKeyRotation.Status resumed = rotation().start();
        assertThat(resumed.storeKeyId()).as("the same next key, not a third").isEqualTo(nextKey);
        rotation().finish();
        aStartReadsEveryValue();
    }

    @Test
    void anInterruptedEndKeepsBothKeysAndRepeatingItFinishes() {
        rotation().start();

        assertThatThrownBy(() -> new SecuredKeyRotation(directory, AtomicFileWriter.ATOMIC_MOVE, FAILS).finish())
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIG_WRITE_FAILED));

        assertThat(directory.resolve(SecuredPropertyKeyFile.NEXT_FILE_NAME)).exists();
        aStartReadsEveryValue();
        rotation().finish();
        aStartReadsEveryValue();
    }

    @Test
    void aValueGivenWhileTheRotationWaitsForTheNodesIsStoredWithTheNewKeyAndSurvivesTheEnd() {
        rotation().start();
        importAtStart(Map.of(IDP, "a-newer-idp-secret"));

        rotation().finish();

        SecuredPropertyImporter.Result restarted = importAtStart(Map.of());
        assertThat(value(restarted, IDP)).isEqualTo("a-newer-idp-secret");
        assertThat(value(restarted, CONNECTOR)).isEqualTo(CONNECTOR_SECRET);
    }

    @Test
    void startingTwiceReEncryptsOnce() throws IOException {
        rotation().start();
        String store = Files.readString(directory.resolve(SecuredPropertyStore.FILE_NAME));

        rotation().start();

        assertThat(Files.readString(directory.resolve(SecuredPropertyStore.FILE_NAME))).isEqualTo(store);
    }

    @Test
    void theEndBeforeTheStoreIsReEncryptedIsRefusedAndChangesNothing() throws IOException {
        String key = keyFileText();

        assertThatThrownBy(() -> rotation().finish()).isInstanceOf(IllegalStateException.class);
        assertThat(keyFileText()).isEqualTo(key);
    }

    @Test
    void aStoreWhoseKeyIsInNeitherFileCannotBeRotatedAndStaysAsItWas() throws IOException {
        Path storeFile = directory.resolve(SecuredPropertyStore.FILE_NAME);
        String text = Files.readString(storeFile);
        String keyId = rotation().status().orElseThrow().storeKeyId();
        Files.writeString(storeFile, text.replace("key-id=" + keyId, "key-id=0000000000000000"));

        assertThatThrownBy(() -> rotation().start()).isInstanceOfSatisfying(LanyardException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SECURED_PROPERTY_UNREADABLE));
        assertThat(Files.readString(storeFile)).contains("key-id=0000000000000000");
    }

    @Test
    void nothingThatIsLoggedOrThrownNamesAValue() {
        rotation().start();
        for (Object shown : List.of(rotation().status().orElseThrow(), rotation().verify())) {
            assertThat(String.valueOf(shown)).doesNotContain(IDP_SECRET).doesNotContain(CONNECTOR_SECRET);
        }
        assertThat(SecretPropertyNames.isOurs(IDP)).isTrue();
    }

    private void noTemporaryFileLeft() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(name -> !name.endsWith(".tmp"));
        }
    }
}
