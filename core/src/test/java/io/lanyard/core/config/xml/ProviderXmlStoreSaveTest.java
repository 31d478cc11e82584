package io.lanyard.core.config.xml;

import static io.lanyard.core.config.xml.ProviderXmlFixtures.everyFieldSet;
import static io.lanyard.core.config.xml.ProviderXmlFixtures.requiredOnly;
import static io.lanyard.core.config.xml.ProviderXmlFixtures.thrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.AtomicFileWriter;
import io.lanyard.core.files.DirectoryLock;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ProviderXmlStoreSaveTest {

    private static final LanyardConfiguration FIRST = new LanyardConfiguration(List.of(requiredOnly("first")));
    private static final LanyardConfiguration SECOND = new LanyardConfiguration(List.of(everyFieldSet()));
    private static final LanyardConfiguration THIRD = new LanyardConfiguration(List.of(requiredOnly("third")));

    @TempDir
    Path directory;

    private final ExecutorService executor = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }

    @Test
    void fileIsProviderXmlInTheGivenDirectory() {
        assertThat(store().file()).isEqualTo(directory.toAbsolutePath().resolve("provider.xml"));
    }

    @Test
    void existsIsFalseBeforeTheFirstSaveAndTrueAfter() {
        assertThat(store().exists()).isFalse();

        store().save(FIRST);

        assertThat(store().exists()).isTrue();
    }

    @Test
    void saveWhenDirectoryMissingThenCreated() {
        IntegrationXmlStore<IdentityProviderConfig> store =
                IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, directory.resolve("home/lanyard"));

        store.save(FIRST);

        assertThat(new LanyardConfiguration(store.load())).isEqualTo(FIRST);
    }

    @Test
    void saveWhenNoPreviousFileThenNoBackup() {
        store().save(FIRST);

        assertThat(backup()).doesNotExist();
    }

    @Test
    void saveWhenPreviousFileExistsThenBackupHoldsThePreviousVersion() throws IOException {
        store().save(FIRST);
        byte[] first = Files.readAllBytes(file());
        store().save(SECOND);
        assertThat(Files.readAllBytes(backup())).isEqualTo(first);

        byte[] second = Files.readAllBytes(file());
        store().save(THIRD);

        assertThat(Files.readAllBytes(backup())).isEqualTo(second);
        assertThat(new LanyardConfiguration(store().load())).isEqualTo(THIRD);
    }

    @Test
    void saveThenFileAndBackupAreReadableAndWritableByTheOwnerOnly() throws IOException {
        assumePosix();
        store().save(FIRST);
        store().save(SECOND);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup()))).isEqualTo("rw-------");
    }

    @Test
    void saveWhenHandWrittenFileWasWorldReadableThenFileAndBackupBecomeOwnerOnly() throws IOException {
        assumePosix();
        store().save(FIRST);
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));

        store().save(SECOND);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup()))).isEqualTo("rw-------");
    }

    @Test
    void saveWhenReplaceFailsThenPreviousFileByteIdenticalAndNoTempFileLeft() throws IOException {
        store().save(FIRST);
        byte[] before = Files.readAllBytes(file());
        IntegrationXmlStore<IdentityProviderConfig> failing =
                new IntegrationXmlStore<>(ProviderXml.FORMAT,
                directory, (source, target) -> {
            throw new IOException("disk full");
        });

        LanyardException thrown = thrownBy(() -> failing.save(SECOND));

        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_WRITE_FAILED);
        assertThat(thrown.getMessage()).contains(file().toString()).contains("disk full");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
        assertThat(fileNames()).containsExactlyInAnyOrder("provider.xml", "provider.xml.bak");
    }

    @Test
    void saveWhenBackupCannotBeWrittenThenPreviousFileByteIdenticalAndNoTempFileLeft() throws IOException {
        store().save(FIRST);
        byte[] before = Files.readAllBytes(file());
        // A non-empty directory where the backup goes: copying over it fails.
        Files.createDirectories(backup().resolve("blocker"));

        LanyardException thrown = thrownBy(() -> store().save(SECOND));

        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_WRITE_FAILED);
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
        assertThat(fileNames()).containsExactlyInAnyOrder("provider.xml", "provider.xml.bak");
    }

    @Test
    void saveWhenDirectoryCannotBeCreatedThenWriteFailed() throws IOException {
        Path notADirectory = Files.writeString(directory.resolve("lanyard"), "a file");

        LanyardException thrown = thrownBy(() -> IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER,
                notADirectory).save(FIRST));

        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_WRITE_FAILED);
        assertThat(Files.readString(notADirectory)).isEqualTo("a file");
    }

    /**
     * A folder nobody can write, root included (CI runs as root, and permission bits do not stop root): the shared
     * home is set to a regular file, so Lanyard's folder would have to be created below a file. The save fails with
     * its code, the file stays as it was, and nothing is left anywhere.
     */
    @Test
    void saveWhenTheFolderLiesBelowARegularFileThenWriteFailedEvenForRoot() throws IOException {
        store().save(FIRST);
        byte[] before = Files.readAllBytes(file());
        Path sharedHomeIsAFile = Files.writeString(directory.resolve("shared-home"), "not a directory");
        IntegrationXmlStore<IdentityProviderConfig> unwritable = IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, sharedHomeIsAFile.resolve("lanyard"));

        LanyardException thrown = thrownBy(() -> unwritable.save(SECOND));

        assertThat(thrown.errorCode()).isEqualTo(ErrorCode.CONFIG_WRITE_FAILED);
        assertThat(thrown.getMessage()).contains(unwritable.file().toString());
        assertThat(Files.readString(sharedHomeIsAFile)).isEqualTo("not a directory");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
        assertThat(fileNames()).containsExactlyInAnyOrder("provider.xml", "shared-home");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void saveFromManyThreadsAndTwoStoresThenFileParsesAndNoTempFileLeft() throws Exception {
        IntegrationXmlStore<IdentityProviderConfig> one = store();
        IntegrationXmlStore<IdentityProviderConfig> two = store();
        List<LanyardConfiguration> configurations = List.of(FIRST, SECOND, THIRD);
        List<Future<?>> saves = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            IntegrationXmlStore<IdentityProviderConfig> store = i % 2 == 0 ? one : two;
            LanyardConfiguration configuration = configurations.get(i % configurations.size());
            saves.add(executor.submit(() -> store.save(configuration)));
        }
        for (Future<?> save : saves) {
            save.get();
        }

        assertThat(configurations).contains(new LanyardConfiguration(one.load()));
        assertThat(fileNames()).containsExactlyInAnyOrder("provider.xml", "provider.xml.bak");
        assertThat(configurations).contains(loadBackup());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void loadWhileOtherThreadsSaveThenAlwaysAWholeFile() throws Exception {
        store().save(FIRST);
        AtomicBoolean saving = new AtomicBoolean(true);
        List<Future<?>> savers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LanyardConfiguration configuration = List.of(FIRST, SECOND, THIRD).get(i);
            savers.add(executor.submit(() -> {
                while (saving.get()) {
                    store().save(configuration);
                }
            }));
        }

        Set<LanyardConfiguration> seen = Stream.generate(() -> new LanyardConfiguration(store().load())).limit(300)
                .collect(Collectors.toSet());
        saving.set(false);
        for (Future<?> saver : savers) {
            saver.get();
        }

        assertThat(Set.of(FIRST, SECOND, THIRD)).containsAll(seen);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void saveOnSecondStoreForTheSameDirectoryWaitsUntilTheFirstSaveIsDone() throws Exception {
        CountDownLatch firstIsReplacing = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        IntegrationXmlStore<IdentityProviderConfig> blocking =
                new IntegrationXmlStore<>(ProviderXml.FORMAT,
                directory, (source, target) -> {
            firstIsReplacing.countDown();
            awaitUninterruptibly(releaseFirst);
            AtomicFileWriter.ATOMIC_MOVE.replace(source, target);
        });
        Future<?> first = executor.submit(() -> blocking.save(FIRST));
        assertThat(firstIsReplacing.await(10, TimeUnit.SECONDS)).isTrue();

        Future<?> second = executor.submit(() -> IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER,
                directory.resolve(".")).save(SECOND));
        Thread.sleep(300);
        assertThat(second).as("the second save must wait for the first").isNotDone();

        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        assertThat(new LanyardConfiguration(store().load())).isEqualTo(SECOND);
    }

    private LanyardConfiguration loadBackup() throws IOException {
        Path copy = Files.createDirectories(directory.resolve("backup-check"));
        Files.copy(backup(), copy.resolve("provider.xml"));
        return new LanyardConfiguration(IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, copy).load());
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void assumePosix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            // the lock every save takes (DirectoryLock) is a file of the folder too, and stays
            return files.map(p -> p.getFileName().toString()).filter(name -> !name.equals(DirectoryLock.FILE_NAME))
                    .toList();
        }
    }

    private Path file() {
        return directory.resolve("provider.xml");
    }

    private Path backup() {
        return directory.resolve("provider.xml.bak");
    }

    private IntegrationXmlStore<IdentityProviderConfig> store() {
        return IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, directory);
    }
}
