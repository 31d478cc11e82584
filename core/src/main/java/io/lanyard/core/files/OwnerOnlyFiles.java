package io.lanyard.core.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

/**
 * The steps of writing a file that holds a secret (a configuration with a plaintext client secret, the key of the
 * secured properties): owner-only from the moment it exists, on disk before it is published.
 */
public final class OwnerOnlyFiles {

    public static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** A new empty temporary file {@code <prefix><random>.tmp} in {@code directory}, readable by its owner only. */
    public static Path createTempFile(Path directory, String prefix) throws IOException {
        if (!isPosix(directory)) {
            return Files.createTempFile(directory, prefix, ".tmp");
        }
        Path temp = Files.createTempFile(directory, prefix, ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
        // Set again: the attribute given at creation is subject to the umask, this is not.
        Files.setPosixFilePermissions(temp, OWNER_READ_WRITE);
        return temp;
    }

    /** Writes all of {@code content} and forces content and metadata to disk before the caller publishes the file. */
    public static void writeAndForce(Path temp, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            // Otherwise a crash just after the rename or link could leave an empty file.
            channel.force(true);
        }
    }

    /**
     * Removes a temporary file a failed or finished write left behind, if any. The write has succeeded or reported
     * its own failure already; a stray temporary file is the lesser problem, so a failure here is ignored.
     */
    public static void deleteIfLeftBehind(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // See above.
        }
    }

    public static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Writes a new key, base64 on one line, to {@code file}, readable by its owner only from the moment it exists, and
     * only if there is no such file yet ({@link #publishWithoutReplacing}): a key is never replaced.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the file exists: read that key instead
     */
    public static void createKeyFile(Path file, byte[] key) throws IOException {
        Path temp = null;
        byte[] encoded = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            Files.createDirectories(file.getParent());
            temp = createTempFile(file.getParent(), "." + file.getFileName() + ".");
            writeAndForce(temp, encoded);
            publishWithoutReplacing(temp, file);
        } finally {
            Arrays.fill(encoded, (byte) 0);
            deleteIfLeftBehind(temp);
        }
    }

    /**
     * Publishes a temporary file under {@code target}, unless something is there already: a hard link appears whole
     * or not at all and fails if the name exists, so no reader ever sees a half-written file, and no file (a key) is
     * ever overwritten, even by another cluster node creating it at the same moment. Where links are not supported, a
     * move without REPLACE_EXISTING refuses an existing file too (checked just before the move, good enough there).
     *
     * @throws java.nio.file.FileAlreadyExistsException when {@code target} exists: someone else was first
     */
    public static void publishWithoutReplacing(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (UnsupportedOperationException linksNotSupported) {
            Files.move(temp, target);
        }
    }

    /**
     * Makes {@code file} readable by its owner only again if someone loosened it (e.g. a copy made with other
     * permissions).
     *
     * @return whether the permissions had to be changed
     * @throws IOException when they cannot be read or changed
     */
    public static boolean restrictToOwner(Path file) throws IOException {
        if (!isPosix(file) || Files.getPosixFilePermissions(file).equals(OWNER_READ_WRITE)) {
            return false;
        }
        Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
        return true;
    }
}
