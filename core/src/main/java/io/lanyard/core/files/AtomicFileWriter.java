package io.lanyard.core.files;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Replaces a file so that a reader, a crash or a full disk never leaves half of it: the new content goes to a
 * temporary file in the same directory, is forced to disk, and is renamed over the old file in one step. The old
 * content is kept as a backup first. The file may hold a plaintext client secret (or, for the store of secured
 * properties, encrypted ones), so on POSIX file systems it is readable and writable by its owner only, from the
 * moment it is created.
 */
public final class AtomicFileWriter {

    /** The step that makes the new content visible; a seam so that tests can make it fail. */
    @FunctionalInterface
    public interface Replacer {
        void replace(Path source, Path target) throws IOException;
    }

    public static final Replacer ATOMIC_MOVE = (source, target) ->
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

    public static final Set<PosixFilePermission> OWNER_READ_WRITE = OwnerOnlyFiles.OWNER_READ_WRITE;

    private final Replacer replacer;

    public AtomicFileWriter(Replacer replacer) {
        this.replacer = replacer;
    }

    /**
     * Writes {@code content} to {@code file}, after copying the previous {@code file} (if any) to {@code backup}.
     * On failure the previous file is untouched and no temporary file is left behind.
     *
     * @param backup where the previous content goes; null to keep none (e.g. when the old content must not linger)
     * @throws LanyardException with {@link ErrorCode#CONFIG_WRITE_FAILED}
     */
    public void write(Path file, Path backup, byte[] content) {
        Path directory = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = OwnerOnlyFiles.createTempFile(directory, file.getFileName() + ".");
            OwnerOnlyFiles.writeAndForce(temp, content);
            copyToBackup(file, backup);
            replacer.replace(temp, file);
            temp = null;
            forceDirectory(directory);
        } catch (IOException e) {
            throw new LanyardException(ErrorCode.CONFIG_WRITE_FAILED,
                    "cannot write " + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        } finally {
            OwnerOnlyFiles.deleteIfLeftBehind(temp);
        }
    }

    private static void copyToBackup(Path file, Path backup) throws IOException {
        if (backup == null || !Files.exists(file)) {
            return;
        }
        Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING);
        if (OwnerOnlyFiles.isPosix(backup)) {
            // The backup holds the same secret as the file.
            Files.setPosixFilePermissions(backup, OWNER_READ_WRITE);
        }
    }

    /**
     * Makes the rename itself durable. Not every platform can open a directory (Windows cannot), and the rename
     * has happened either way, so a failure here is not a failed save.
     */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Nothing to do: the new file is in place; only its survival of a power cut is less certain.
        }
    }
}
