package io.lanyard.core.secret.secured;

import io.lanyard.core.files.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 256-bit key of the store of secured properties, in a file of its own ({@value #FILE_NAME}), never in the
 * store itself: whoever copies the store alone learns nothing. Readable and writable by its owner only
 * ({@code rw-------}) from the moment it exists. Created on first use; never replaced by Lanyard, because the
 * values in the store can only be read with the key they were written with.
 */
final class SecuredPropertyKeyFile {

    static final String FILE_NAME = "secured-properties.key";
    /** The new key while the store's key is rotated, until every node has confirmed it. */
    static final String NEXT_FILE_NAME = FILE_NAME + ".next";
    static final Set<PosixFilePermission> OWNER_READ_WRITE = OwnerOnlyFiles.OWNER_READ_WRITE;

    private static final Logger LOG = LoggerFactory.getLogger(SecuredPropertyKeyFile.class);
    private static final int MAX_BYTES = 1024;

    private final Path file;

    SecuredPropertyKeyFile(Path lanyardDirectory) {
        this(lanyardDirectory, FILE_NAME);
    }

    private SecuredPropertyKeyFile(Path lanyardDirectory, String fileName) {
        this.file = lanyardDirectory.resolve(fileName);
    }

    /** The key a rotation re-encrypts the store with ({@value #NEXT_FILE_NAME}). */
    static SecuredPropertyKeyFile next(Path lanyardDirectory) {
        return new SecuredPropertyKeyFile(lanyardDirectory, NEXT_FILE_NAME);
    }

    Path file() {
        return file;
    }

    /**
     * @return empty when there is no key file yet
     * @throws SecuredStoreException if the file cannot be read or does not hold a 256-bit key
     */
    Optional<byte[]> read() throws SecuredStoreException {
        Optional<byte[]> read;
        try {
            read = OwnerOnlyFiles.readAtMost(file, MAX_BYTES);
        } catch (IOException e) {
            throw new SecuredStoreException("the key file " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + ")", e);
        }
        if (read.isEmpty()) {
            return Optional.empty();
        }
        byte[] content = read.get();
        try {
            return Optional.of(decode(content));
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private byte[] decode(byte[] content) throws SecuredStoreException {
        if (content.length > MAX_BYTES) {
            throw damaged();
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(new String(content, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw damaged();
        }
        if (key.length != SecuredPropertyCipher.KEY_BYTES) {
            throw damaged();
        }
        return key;
    }

    private SecuredStoreException damaged() {
        return new SecuredStoreException("the key file " + file + " does not hold a 256-bit key (base64)");
    }

    /**
     * Creates the key file with a new random key, or, when another Lanyard (another cluster node sharing the home)
     * created it a moment earlier, reads theirs: two keys for one store would make its values unreadable.
     *
     * @throws SecuredStoreException if the file cannot be created or read
     */
    byte[] create(SecureRandom random) throws SecuredStoreException {
        byte[] key = SecuredPropertyCipher.newKey(random);
        try {
            OwnerOnlyFiles.createKeyFile(file, key);
            LOG.info("Created the key of Lanyard's secured properties: {} (readable by its owner only)", file);
            return key;
        } catch (FileAlreadyExistsException anotherNodeWasFirst) {
            Arrays.fill(key, (byte) 0);
            return read().orElseThrow(() -> new SecuredStoreException("the key file " + file + " vanished"));
        } catch (IOException e) {
            throw new SecuredStoreException("the key file " + file + " cannot be created ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}
