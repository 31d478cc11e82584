package io.lanyard.core.secret.secured;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.AtomicFileWriter;
import io.lanyard.core.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotates the key of the encrypted store without ever leaving a value that cannot be read, even when a step is
 * interrupted (a crash, a full disk) and even while other nodes start:
 *
 * <ol>
 *   <li>{@link #start}: a new key in {@value SecuredPropertyKeyFile#NEXT_FILE_NAME} (created whole, never over an
 *       existing one, so a rotation started twice uses one new key), then every value re-encrypted with it into the
 *       store, replaced in one atomic rename. Before the rename the store names the old key, after it the new one;
 *       both key files exist all along, so a node starting at any moment finds the key the store names.</li>
 *   <li>Every node confirms ({@link #verify}): it reads the store as a start would, with the key the store names.</li>
 *   <li>{@link #finish}: the new key replaces the old one in one atomic rename; only then is the old key gone.</li>
 * </ol>
 * Each step can be repeated after an interruption and continues where the last one stopped. Messages name files and
 * key ids, never a key or a value.
 */
public final class SecuredKeyRotation {

    private static final Logger LOG = LoggerFactory.getLogger(SecuredKeyRotation.class);

    /**
     * Where the store and its keys are.
     *
     * @param storeKeyId the id of the key the store's values are encrypted with
     * @param keyId      the id of the key in {@value SecuredPropertyKeyFile#FILE_NAME}
     * @param nextKeyId  the id of the key in {@value SecuredPropertyKeyFile#NEXT_FILE_NAME}, during a rotation
     * @param values     how many values the store holds
     */
    public record Status(String storeKeyId, String keyId, Optional<String> nextKeyId, int values) {

        /** Whether a rotation is under way: a next key exists. */
        public boolean rotating() {
            return nextKeyId.isPresent();
        }

        /** Whether the store is re-encrypted with the next key: what is left is every node's confirmation. */
        public boolean reEncrypted() {
            return nextKeyId.filter(storeKeyId::equals).isPresent();
        }
    }

    private final SecuredPropertyStore store;
    private final SecuredPropertyKeyFile keyFile;
    private final SecuredPropertyKeyFile nextKeyFile;
    private final AtomicFileWriter.Replacer keyReplacer;
    private final SecureRandom random = new SecureRandom();

    public SecuredKeyRotation(Path lanyardDirectory) {
        this(lanyardDirectory, AtomicFileWriter.ATOMIC_MOVE, AtomicFileWriter.ATOMIC_MOVE);
    }

    /**
     * For tests: {@code storeReplacer} publishes the re-encrypted store, {@code keyReplacer} moves the new key over the
     * old one; either may be made to fail.
     */
    SecuredKeyRotation(Path lanyardDirectory, AtomicFileWriter.Replacer storeReplacer,
            AtomicFileWriter.Replacer keyReplacer) {
        Path directory = lanyardDirectory.toAbsolutePath().normalize();
        this.store = new SecuredPropertyStore(directory, storeReplacer);
        this.keyFile = new SecuredPropertyKeyFile(directory);
        this.nextKeyFile = SecuredPropertyKeyFile.next(directory);
        this.keyReplacer = keyReplacer;
    }

    /** Empty when there is no store (nothing to rotate). */
    public Optional<Status> status() {
        try {
            Optional<SecuredPropertyStore.Contents> contents = store.read();
            if (contents.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Status(contents.get().keyId(), keyIdOf(keyFile).orElse(""), keyIdOf(nextKeyFile),
                    contents.get().encrypted().size()));
        } catch (SecuredStoreException e) {
            throw unreadable(e);
        }
    }

    /**
     * Step 1: makes the next key (or takes the one an interrupted rotation made) and re-encrypts every value with it.
     * Nothing happens when the store is re-encrypted already.
     *
     * @throws LanyardException {@code SECURED_PROPERTY_UNREADABLE} when the store cannot be read with the key it
     *         names (then nothing is changed), {@code CONFIG_WRITE_FAILED} when the new store cannot be written (then
     *         the old one is unchanged and still readable)
     */
    public Status start() {
        try {
            SecuredPropertyStore.Contents contents = store.read()
                    .orElseThrow(() -> new SecuredStoreException("there is no store " + store.file() + " to rotate"));
            SecuredPropertyCipher next = cipher(nextKeyFile.read().orElseGet(() -> createNext()));
            if (!next.keyId().equals(contents.keyId())) {
                SecuredPropertyCipher current = cipherNamedBy(contents);
                SecuredPropertyStore.Contents reEncrypted = new SecuredPropertyStore.Contents(next.keyId(), new TreeMap<>());
                for (Map.Entry<String, String> entry : contents.encrypted().entrySet()) {
                    Secret value = current.decrypt(entry.getKey(), entry.getValue());
                    try {
                        reEncrypted = reEncrypted.with(entry.getKey(), next.encrypt(entry.getKey(), value));
                    } finally {
                        value.erase();
                    }
                }
                store.write(reEncrypted);
                LOG.info("Re-encrypted {} value(s) of {} with the new key {} ({}); the old key {} stays until every "
                        + "node has confirmed the new one", reEncrypted.encrypted().size(), store.file(), next.keyId(),
                        nextKeyFile.file(), current.keyId());
            }
            return status().orElseThrow();
        } catch (NextKeyUnavailable e) {
            throw unreadable(e.getCause());
        } catch (SecuredStoreException e) {
            // The store's writer reports its own failure as CONFIG_WRITE_FAILED; anything else is reading.
            throw e.getCause() instanceof LanyardException written ? written : unreadable(e);
        }
    }

    /**
     * Step 2, on each node: reads every value of the store with the key it names, as this node's next start would.
     *
     * @return the id of the key the store was read with, which this node confirms
     * @throws LanyardException {@code SECURED_PROPERTY_UNREADABLE} if any value cannot be read
     */
    public String verify() {
        try {
            SecuredPropertyStore.Contents contents = store.read()
                    .orElseThrow(() -> new SecuredStoreException("there is no store " + store.file()));
            SecuredPropertyCipher cipher = cipherNamedBy(contents);
            for (Map.Entry<String, String> entry : contents.encrypted().entrySet()) {
                cipher.decrypt(entry.getKey(), entry.getValue()).erase();
            }
            return cipher.keyId();
        } catch (SecuredStoreException e) {
            throw unreadable(e);
        }
    }

    /**
     * Step 3: the next key becomes the key, and the old one is gone. The caller has made sure every node confirmed
     * the next key.
     *
     * @throws IllegalStateException if the store is not re-encrypted with the next key yet
     * @throws LanyardException      {@code CONFIG_WRITE_FAILED} if the key cannot be moved (then both keys stay and
     *                               the step can be repeated)
     */
    public Status finish() {
        Status status = status().orElseThrow(() -> new IllegalStateException("there is no store to rotate"));
        if (!status.reEncrypted()) {
            throw new IllegalStateException("the store is not re-encrypted with a next key yet");
        }
        try {
            keyReplacer.replace(nextKeyFile.file(), keyFile.file());
        } catch (IOException e) {
            throw new LanyardException(ErrorCode.CONFIG_WRITE_FAILED, "cannot move " + nextKeyFile.file() + " to "
                    + keyFile.file() + " (" + e.getClass().getSimpleName() + "); both keys stay, try again", e);
        }
        LOG.info("The key of Lanyard's secured properties is now {} ({}); the old key {} is deleted",
                status.storeKeyId(), keyFile.file(), status.keyId());
        return status().orElseThrow();
    }

    private SecuredPropertyCipher cipherNamedBy(SecuredPropertyStore.Contents contents) throws SecuredStoreException {
        for (SecuredPropertyKeyFile candidate : new SecuredPropertyKeyFile[] {keyFile, nextKeyFile}) {
            Optional<byte[]> key = candidate.read();
            if (key.isPresent()) {
                SecuredPropertyCipher cipher = cipher(key.get());
                if (cipher.keyId().equals(contents.keyId())) {
                    return cipher;
                }
            }
        }
        throw new SecuredStoreException(store.file() + " names key " + contents.keyId() + ", which neither "
                + keyFile.file() + " nor " + nextKeyFile.file() + " holds");
    }

    private byte[] createNext() {
        try {
            return nextKeyFile.create(random);
        } catch (SecuredStoreException e) {
            throw new NextKeyUnavailable(e);
        }
    }

    private Optional<String> keyIdOf(SecuredPropertyKeyFile file) throws SecuredStoreException {
        Optional<byte[]> key = file.read();
        return key.isEmpty() ? Optional.empty() : Optional.of(cipher(key.get()).keyId());
    }

    private SecuredPropertyCipher cipher(byte[] key) throws SecuredStoreException {
        try {
            return new SecuredPropertyCipher(key, random);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static LanyardException unreadable(Exception e) {
        return new LanyardException(ErrorCode.SECURED_PROPERTY_UNREADABLE, e.getMessage(), e);
    }

    /** Carries a failure to create the next key out of {@code orElseGet}. */
    private static final class NextKeyUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NextKeyUnavailable(SecuredStoreException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized SecuredStoreException getCause() {
            return (SecuredStoreException) super.getCause();
        }
    }
}
