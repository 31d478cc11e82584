package io.lanyard.core.config.xml;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.AtomicFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The identity providers in {@code provider.xml} in Lanyard's folder of the shared home.
 *
 * <p>Loading parses securely (see {@link SecureXml}) and validates every provider through
 * {@code IdentityProviderConfigBuilder}. Saving replaces the file atomically and keeps the previous one as
 * {@value #BACKUP_FILE_NAME}. Saves are serialized per directory within the JVM, also across stores, so
 * that two admin requests cannot interleave their backups and renames. Loads need no lock: a reader sees the
 * old file or the new one, never a mix.
 *
 * <p>Thread-safe.
 */
public final class ProviderXmlStore {

    public static final String FILE_NAME = "provider.xml";
    public static final String BACKUP_FILE_NAME = FILE_NAME + ".bak";

    private final Path file;
    private final Path backup;
    private final ReentrantLock saveLock;
    private final AtomicFileWriter writer;

    public ProviderXmlStore(Path lanyardDirectory) {
        this(lanyardDirectory, AtomicFileWriter.ATOMIC_MOVE);
    }

    /** For tests: {@code replacer} stands in for the atomic rename, e.g. to make it fail. */
    ProviderXmlStore(Path lanyardDirectory, AtomicFileWriter.Replacer replacer) {
        Path directory = Objects.requireNonNull(lanyardDirectory, "lanyardDirectory").toAbsolutePath().normalize();
        this.file = directory.resolve(FILE_NAME);
        this.backup = directory.resolve(BACKUP_FILE_NAME);
        this.saveLock = SaveLocks.forDirectory(directory);
        this.writer = new AtomicFileWriter(replacer);
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /**
     * @throws ConfigurationException with {@link ErrorCode#CONFIG_INVALID} listing every error in the file
     * @throws LanyardException with {@link ErrorCode#CONFIG_UNREADABLE} if the file is missing, cannot be read
     *                          or is not well-formed XML
     */
    public LanyardConfiguration load() {
        return ProviderXmlReader.read(SecureXml.read(file), file);
    }

    /**
     * Writes {@code configuration}, which is valid by construction, replacing the file atomically. Creates
     * Lanyard's folder when it is missing.
     *
     * @throws LanyardException with {@link ErrorCode#CONFIG_WRITE_FAILED}; the previous file is then unchanged
     */
    public void save(LanyardConfiguration configuration) {
        byte[] xml = ProviderXmlWriter.write(Objects.requireNonNull(configuration, "configuration"));
        saveLock.lock();
        try {
            writer.write(file, backup, xml);
        } finally {
            saveLock.unlock();
        }
    }

    /**
     * The file's bytes as they are now, or empty when there is no file: what {@link #restore} puts back when a change
     * that also writes {@code connector.xml} fails after this file was written.
     *
     * @throws LanyardException with {@link ErrorCode#CONFIG_UNREADABLE}
     */
    public Optional<byte[]> currentContent() {
        saveLock.lock();
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new LanyardException(ErrorCode.CONFIG_UNREADABLE, "cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        } finally {
            saveLock.unlock();
        }
    }

    /**
     * Puts back what {@link #currentContent()} returned: the same bytes, replaced atomically, or no file if there was
     * none. The backup is left alone: since the save it holds that same content.
     *
     * @throws LanyardException with {@link ErrorCode#CONFIG_WRITE_FAILED}
     */
    public void restore(Optional<byte[]> content) {
        Objects.requireNonNull(content, "content");
        saveLock.lock();
        try {
            if (content.isPresent()) {
                writer.write(file, null, content.get());
            } else {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new LanyardException(ErrorCode.CONFIG_WRITE_FAILED, "cannot remove " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        } finally {
            saveLock.unlock();
        }
    }

    @Override
    public String toString() {
        return "ProviderXmlStore[" + file + "]";
    }
}
