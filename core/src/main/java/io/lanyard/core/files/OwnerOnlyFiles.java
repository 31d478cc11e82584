package io.lanyard.core.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of writing a file that holds a secret (a configuration with a plaintext client secret, the key of the
 * secured properties): owner-only from the moment it exists, on disk before it is published.
 */
public final class OwnerOnlyFiles {

    public static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFiles.class);

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
     * Creates {@code file} with {@code content}, owner-only, whole or not at all, and never over an existing file:
     * the way to create a key that several cluster nodes (sharing the home) may create at the same moment. The
     * content goes to a temporary file first, is forced to disk, and is published with a hard link, which appears at
     * once and fails if the name exists; where links are not supported, with a move that refuses an existing file.
     *
     * @return true if this call created the file, false if it existed already (then it is left as it is)
     * @throws IOException if the file can neither be created nor be found existing
     */
    public static boolean createWhole(Path file, byte[] content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temp = createTempFile(directory, "." + file.getFileName() + ".");
        try {
            writeAndForce(temp, content);
            publishWithoutReplacing(temp, file);
            return true;
        } catch (FileAlreadyExistsException anotherNodeWasFirst) {
            return false;
        } finally {
            deleteIfLeftBehind(temp);
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

    /**
     * Makes an existing file that holds a secret readable by its owner only again (someone may have copied it with
     * loose permissions).
     *
     * @return true if its permissions had to be changed
     * @throws IOException if they cannot be read or changed
     */
    public static boolean restrictToOwner(Path file) throws IOException {
        if (!isPosix(file) || Files.getPosixFilePermissions(file).equals(OWNER_READ_WRITE)) {
            return false;
        }
        Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
        return true;
    }

    /**
     * The bytes of a file that holds a secret, at most {@code maxBytes} and one more (so that the caller can tell a
     * file that is too large), after making it readable by its owner only again ({@link #keepOwnerOnly}).
     *
     * @return empty when the file does not exist
     */
    public static Optional<byte[]> readAtMost(Path file, int maxBytes) throws IOException {
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(maxBytes + 1);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        keepOwnerOnly(file);
        return Optional.of(content);
    }

    /**
     * {@link #restrictToOwner}, saying in the log when it had to, or that it could not: a failure here must not keep
     * the file from being read.
     */
    public static void keepOwnerOnly(Path file) {
        try {
            if (restrictToOwner(file)) {
                LOG.warn("{} was readable by others than its owner: it is now readable by its owner only", file);
            }
        } catch (IOException e) {
            LOG.warn("Cannot restrict {} to its owner ({}): check its permissions", file, e.getClass().getSimpleName());
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
}
