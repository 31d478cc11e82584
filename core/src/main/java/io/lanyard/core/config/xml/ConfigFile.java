package io.lanyard.core.config.xml;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.AtomicFileWriter;
import io.lanyard.core.files.DirectoryLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration file in Lanyard's folder, with its backup {@code <name>.bak}. Writes replace the file atomically
 * and are serialized per folder, across every file there ({@code provider.xml}, {@code connector.xml}), within the
 * JVM and across the cluster's nodes ({@link DirectoryLock}), so that two admin requests never interleave their
 * backups and renames. Reads need no lock: a reader sees the old file or the new one, never a mix.
 *
 * <p>Thread-safe.
 */
final class ConfigFile {

    private final Path file;
    private final Path backup;
    private final DirectoryLock saveLock;
    private final AtomicFileWriter writer;

    /** @param replacer the atomic rename, or in tests a stand-in for it, e.g. one that fails */
    ConfigFile(Path lanyardDirectory, String name, AtomicFileWriter.Replacer replacer) {
        // Absolute and normalized, so that two spellings of one folder share a lock.
        Path directory = Objects.requireNonNull(lanyardDirectory, "lanyardDirectory").toAbsolutePath().normalize();
        this.file = directory.resolve(name);
        this.backup = directory.resolve(name + ".bak");
        this.saveLock = DirectoryLock.of(directory);
        this.writer = new AtomicFileWriter(replacer);
    }

    Path path() {
        return file;
    }

    boolean exists() {
        return Files.isRegularFile(file);
    }

    /**
     * Replaces the file with {@code content}, keeping the previous one as the backup; creates the folder when missing.
     *
     * @throws LanyardException with {@link ErrorCode#CONFIG_WRITE_FAILED} or {@link ErrorCode#CONFIG_LOCK_UNAVAILABLE};
     *                          the previous file is then unchanged
     */
    void replace(byte[] content) {
        DirectoryLock.Held held;
        try {
            held = saveLock.acquire();
        } catch (LanyardException e) {
            if (e.errorCode() != ErrorCode.CONFIG_WRITE_FAILED) {
                throw e;
            }
            throw new LanyardException(ErrorCode.CONFIG_WRITE_FAILED, "cannot write " + file + ": " + e.getMessage(), e);
        }
        try {
            writer.write(file, backup, content);
        } finally {
            held.close();
        }
    }

    /**
     * The file's bytes as they are now, or empty when there is no file.
     *
     * @throws LanyardException with {@link ErrorCode#CONFIG_UNREADABLE}
     */
    Optional<byte[]> currentContent() {
        DirectoryLock.Held held = saveLock.acquire();
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new LanyardException(ErrorCode.CONFIG_UNREADABLE, "cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        } finally {
            held.close();
        }
    }

    /**
     * Puts back what {@link #currentContent()} returned: the same bytes, replaced atomically, or no file if there was
     * none. The backup is left alone: since the save it holds that same content.
     *
     * @throws LanyardException with {@link ErrorCode#CONFIG_WRITE_FAILED}
     */
    void restore(Optional<byte[]> content) {
        Objects.requireNonNull(content, "content");
        DirectoryLock.Held held = saveLock.acquire();
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
            held.close();
        }
    }
}
