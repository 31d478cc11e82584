package io.lanyard.core.secret.secured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.files.AtomicFileWriter;
import io.lanyard.core.secret.ResolvedSecret;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.core.secret.SecretSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encrypted store of secured properties: round trip, replacement, tampering, wrong and missing keys. */
class SecuredPropertyImporterTest {

    static final String IDP = SecretPropertyNames.identityProvider("GOxXFuPXJgiyAwuXugVG");
    static final String CONNECTOR = SecretPropertyNames.connector("wdlfqm6se9un");
    static final String IDP_SECRET = "idp-Secret-4f9a2c";
    static final String CONNECTOR_SECRET = "connector-Secret-77e1d0";

    @TempDir
    Path directory;

    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, String> jvm = new HashMap<>();
    private final List<String> cleared = new ArrayList<>();

    private SecuredPropertyImporter.Result start(String... listed) {
        return start(AtomicFileWriter.ATOMIC_MOVE, listed);
    }

    private SecuredPropertyImporter.Result start(AtomicFileWriter.Replacer replacer, String... listed) {
        cleared.clear();
        return new SecuredPropertyImporter(directory, replacer, new SecureRandom())
                .importAtStart(List.of(listed), environment, jvm, cleared::add);
    }

    /** A later start: the variables were removed from the start scripts. */
    private SecuredPropertyImporter.Result restartWithout(String... listed) {
        environment.clear();
        jvm.clear();
        return start(listed);
    }

    private static ResolvedSecret lookup(SecuredPropertyImporter.Result result, String name) {
        return result.values().lookup(name).orElseThrow(() -> new AssertionError("nothing for " + name));
    }

    private static void assertSecured(SecuredPropertyImporter.Result result, String name, String value) {
        ResolvedSecret resolved = lookup(result, name);
        assertThat(resolved.secret()).contains(Secret.of(value));
        assertThat(resolved.source()).isEqualTo(SecretSource.SECURED_PROPERTY);
        assertThat(resolved.propertyName()).contains(name);
    }

    private static void assertUnreadable(SecuredPropertyImporter.Result result, String name, String reason) {
        ResolvedSecret resolved = lookup(result, name);
        assertThat(resolved.secret()).isEmpty();
        assertThat(resolved.problem().orElseThrow().errorCode()).isEqualTo(ErrorCode.SECURED_PROPERTY_UNREADABLE);
        assertThat(resolved.problem().orElseThrow().message()).contains(name, reason);
    }

    private Path storeFile() {
        return directory.resolve("secured-properties.properties");
    }

    private Path keyFile() {
        return directory.resolve("secured-properties.key");
    }

    private void replaceInStore(String from, String to) throws IOException {
        String text = Files.readString(storeFile());
        assertThat(text).contains(from);
        Files.writeString(storeFile(), text.replace(from, to));
    }

    private String storedValueOf(String name) throws IOException {
        return Files.readAllLines(storeFile()).stream().filter(l -> l.startsWith(name + "="))
                .map(l -> l.substring(name.length() + 1)).findFirst().orElseThrow();
    }

    @Test
    void jvmPropertyIsStoredEncryptedClearedAndReadBackOnTheNextStart() {
        jvm.put(IDP, IDP_SECRET);

        SecuredPropertyImporter.Result first = start(IDP);

        assertThat(cleared).containsExactly(IDP);
        assertThat(first.storedFromSystemProperties()).containsExactly(IDP);
        assertSecured(first, IDP, IDP_SECRET);

        SecuredPropertyImporter.Result later = restartWithout(IDP);

        assertSecured(later, IDP, IDP_SECRET);
        assertThat(cleared).isEmpty();
    }

    @Test
    void environmentVariableIsStoredButCannotBeRemovedFromTheProcess() {
        environment.put(CONNECTOR, CONNECTOR_SECRET);

        SecuredPropertyImporter.Result first = start(CONNECTOR);

        assertThat(cleared).isEmpty();
        assertThat(first.storedFromSystemProperties()).isEmpty();
        assertSecured(restartWithout(CONNECTOR), CONNECTOR, CONNECTOR_SECRET);
    }

    @Test
    void jvmPropertyIsClearedEvenWhenTheEnvironmentVariableWins() {
        environment.put(IDP, "from-environment");
        jvm.put(IDP, "from-jvm");

        start(IDP);

        assertThat(cleared).containsExactly(IDP);
        assertSecured(restartWithout(IDP), IDP, "from-environment");
    }

    @Test
    void storeHoldsNeitherThePlaintextNorTheKey() throws IOException {
        jvm.put(IDP, IDP_SECRET);
        jvm.put(CONNECTOR, CONNECTOR_SECRET);

        start(IDP, CONNECTOR);

        String store = Files.readString(storeFile());
        String key = Files.readString(keyFile()).strip();
        assertThat(store).doesNotContain(IDP_SECRET, CONNECTOR_SECRET, key)
                .contains("format=1", "key-id=", IDP + "=", CONNECTOR + "=");
        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
    }

    @Test
    void storeAndKeyAreReadableByTheirOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        jvm.put(IDP, IDP_SECRET);

        start(IDP);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(storeFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile()))).isEqualTo("rw-------");
    }

    @Test
    void keyFileWithLoosePermissionsIsRestrictedWhenRead() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        jvm.put(IDP, IDP_SECRET);
        start(IDP);
        Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-r--r--"));

        assertSecured(restartWithout(IDP), IDP, IDP_SECRET);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile()))).isEqualTo("rw-------");
    }

    @Test
    void eachValueHasItsOwnRandomIv() throws IOException {
        jvm.put(IDP, "same-value");
        jvm.put(CONNECTOR, "same-value");

        start(IDP, CONNECTOR);

        assertThat(storedValueOf(IDP)).isNotEqualTo(storedValueOf(CONNECTOR));
    }

    @Test
    void nothingToStoreCreatesNoFiles() throws IOException {
        SecuredPropertyImporter.Result result = start(IDP);

        assertThat(result.values().lookup(IDP)).isEmpty();
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void newValueReplacesTheStoredOneAndOthersStay() {
        jvm.put(IDP, IDP_SECRET);
        jvm.put(CONNECTOR, CONNECTOR_SECRET);
        start(IDP, CONNECTOR);

        jvm.clear();
        jvm.put(IDP, "rotated-value");
        start(IDP, CONNECTOR);

        SecuredPropertyImporter.Result later = restartWithout(IDP, CONNECTOR);
        assertSecured(later, IDP, "rotated-value");
        assertSecured(later, CONNECTOR, CONNECTOR_SECRET);
    }

    @Test
    void blankValueIsNotStoredAndDoesNotReplaceTheStoredOne() {
        jvm.put(IDP, IDP_SECRET);
        start(IDP);

        jvm.put(IDP, "  ");
        SecuredPropertyImporter.Result blank = start(IDP);

        assertThat(cleared).containsExactly(IDP);
        assertSecured(blank, IDP, IDP_SECRET);
    }

    @Test
    void nameNoLongerListedIsNotReadFromTheStore() {
        jvm.put(IDP, IDP_SECRET);
        start(IDP);

        SecuredPropertyImporter.Result later = restartWithout(CONNECTOR);

        assertThat(later.values().lookup(IDP)).isEmpty();
    }

    @Test
    void tamperedValueIsAnErrorForThatSecretOnly() throws IOException {
        jvm.put(IDP, IDP_SECRET);
        jvm.put(CONNECTOR, CONNECTOR_SECRET);
        start(IDP, CONNECTOR);
        String value = storedValueOf(IDP);
        char last = value.charAt(value.length() - 5);
        replaceInStore(IDP + "=" + value, IDP + "=" + value.substring(0, value.length() - 5)
                + (last == 'A' ? 'B' : 'A') + value.substring(value.length() - 4));

        SecuredPropertyImporter.Result later = restartWithout(IDP, CONNECTOR);

        assertUnreadable(later, IDP, "integrity check");
        assertSecured(later, CONNECTOR, CONNECTOR_SECRET);
    }

    @Test
    void valueMovedToAnotherNameIsRefused() throws IOException {
        jvm.put(IDP, IDP_SECRET);
        jvm.put(CONNECTOR, CONNECTOR_SECRET);
        start(IDP, CONNECTOR);
        String idpValue = storedValueOf(IDP);
        String connectorValue = storedValueOf(CONNECTOR);
        replaceInStore(IDP + "=" + idpValue, IDP + "=" + connectorValue);

        assertUnreadable(restartWithout(IDP, CONNECTOR), IDP, "integrity check");
    }

    @Test
    void truncatedOrNonBase64ValueIsAnErrorForThatSecret() throws IOException {
        jvm.put(IDP, IDP_SECRET);
        jvm.put(CONNECTOR, CONNECTOR_SECRET);
        start(IDP, CONNECTOR);
        replaceInStore(IDP + "=" + storedValueOf(IDP), IDP + "=AAAA");
        replaceInStore(CONNECTOR + "=" + storedValueOf(CONNECTOR), CONNECTOR + "=not*base64");

        SecuredPropertyImporter.Result later = restartWithout(IDP, CONNECTOR);

        assertUnreadable(later, IDP, "damaged");
        assertUnreadable(later, CONNECTOR, "damaged");
    }

    @Test
    void wrongKeyIsAnErrorNamingBothFiles() throws IOException {
        jvm.put(IDP, IDP_SECRET);
        start(IDP);
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        Files.writeString(keyFile(), Base64.getEncoder().encodeToString(otherKey) + "\n");

        SecuredPropertyImporter.Result later = restartWithout(IDP);

        assertUnreadable(later, IDP, "written with another key");
        assertThat(lookup(later, IDP).problem().orElseThrow().message())
                .contains(storeFile().toString(), keyFile().toString());
    }

    @Test
    void wrongKeyWithMatchingKeyIdStillFailsTheIntegrityCheck() throws IOException, SecuredStoreException {
        jvm.put(IDP, IDP_SECRET);
        start(IDP);
        String keyIdLine = Files.readAllLines(storeFile()).stream().filter(l -> l.startsWith("key-id=")).findFirst()
                .orElseThrow();
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        Files.writeString(keyFile(), Base64.getEncoder().encodeToString(otherKey) + "\n");
        String otherKeyId = new SecuredPropertyCipher(otherKey, new SecureRandom()).keyId();
        replaceInStore(keyIdLine, "key-id=" + otherKeyId);

        assertUnreadable(restartWithout(IDP), IDP, "integrity check");
    }

    @Test
    void missingKeyFileIsAnErrorSayingWhatToDo() throws IOException {
        jvm.put(IDP, IDP_SECRET);
        start(IDP);
        Files.delete(keyFile());

        SecuredPropertyImporter.Result later = restartWithout(IDP);

        assertUnreadable(later, IDP, "is missing");
        assertThat(lookup(later, IDP).problem().orElseThrow().message()).contains(keyFile().toString(), "delete");
        assertThat(keyFile()).doesNotExist();
    }

    @Test
    void missingKeyFileIsNotReplacedByANewKeyWhenANewValueArrives() throws IOException {
        jvm.put(IDP, IDP_SECRET);
        jvm.put(CONNECTOR, CONNECTOR_SECRET);
        start(IDP, CONNECTOR);
        Files.delete(keyFile());
        byte[] storeBefore = Files.readAllBytes(storeFile());

        jvm.clear();
        jvm.put(IDP, "new-value");
        SecuredPropertyImporter.Result result = start(IDP, CONNECTOR);

        assertThat(keyFile()).doesNotExist();
        assertThat(Files.readAllBytes(storeFile())).isEqualTo(storeBefore);
        assertThat(result.storedFromSystemProperties()).isEmpty();
        assertThat(cleared).containsExactly(IDP);
        assertUnreadable(result, CONNECTOR, "is missing");
    }

    @Test
    void damagedKeyFileIsAnError() throws IOException {
        jvm.put(IDP, IDP_SECRET);
        start(IDP);
        Files.writeString(keyFile(), "not a key\n");

        assertUnreadable(restartWithout(IDP), IDP, "does not hold a 256-bit key");
    }

    @Test
    void unreadableStoreIsAnErrorForEveryListedSecret() throws IOException {
        jvm.put(IDP, IDP_SECRET);
        start(IDP);
        Files.write(storeFile(), new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});

        SecuredPropertyImporter.Result later = restartWithout(IDP, CONNECTOR);

        assertUnreadable(later, IDP, "not UTF-8");
        assertUnreadable(later, CONNECTOR, "not UTF-8");
    }

    @Test
    void storeWithForeignLinesOrNoFormatIsDamaged() throws IOException {
        jvm.put(IDP, IDP_SECRET);
        start(IDP);
        String original = Files.readString(storeFile());

        Files.writeString(storeFile(), original + "jdbc.password=whatever\n");
        assertUnreadable(restartWithout(IDP), IDP, "not Lanyard's");

        Files.writeString(storeFile(), original.replace("format=1", "format=2"));
        assertUnreadable(restartWithout(IDP), IDP, "format=1");

        Files.writeString(storeFile(), original + "garbage\n");
        assertUnreadable(restartWithout(IDP), IDP, "not name=value");
    }

    @Test
    void storeThatIsADirectoryIsUnreadable() throws IOException {
        Files.createDirectories(storeFile());

        assertUnreadable(start(IDP), IDP, "cannot be read");
    }

    @Test
    void failedWriteKeepsThePreviousStoreAndMovesNothing() throws IOException {
        jvm.put(CONNECTOR, CONNECTOR_SECRET);
        start(CONNECTOR);
        byte[] before = Files.readAllBytes(storeFile());

        jvm.clear();
        jvm.put(IDP, IDP_SECRET);
        SecuredPropertyImporter.Result result = start((source, target) -> {
            throw new IOException("disk full");
        }, IDP, CONNECTOR);

        assertThat(Files.readAllBytes(storeFile())).isEqualTo(before);
        assertThat(result.storedFromSystemProperties()).isEmpty();
        assertThat(cleared).containsExactly(IDP);
        assertThat(result.values().lookup(IDP)).isEmpty();
        assertSecured(result, CONNECTOR, CONNECTOR_SECRET);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("secured-properties.properties", "secured-properties.key");
        }
    }

    @Test
    void keyCreatedByAnotherNodeFirstIsUsedNotReplaced() throws IOException, SecuredStoreException {
        SecuredPropertyKeyFile keys = new SecuredPropertyKeyFile(directory);
        byte[] first = keys.create(new SecureRandom());
        byte[] firstCopy = first.clone();

        byte[] second = keys.create(new SecureRandom());

        assertThat(second).isEqualTo(firstCopy);
        assertThat(Base64.getDecoder().decode(Files.readString(keyFile()).strip())).isEqualTo(firstCopy);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("secured-properties.key");
        }
    }

    @Test
    void storeIsWrittenWithoutBackupSoThatAReplacedValueDoesNotLinger() throws IOException {
        jvm.put(IDP, IDP_SECRET);
        start(IDP);
        jvm.put(IDP, "rotated");
        start(IDP);

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("secured-properties.properties", "secured-properties.key");
        }
        assertThat(new String(Files.readAllBytes(storeFile()), StandardCharsets.UTF_8)).doesNotContain("rotated");
    }
}
