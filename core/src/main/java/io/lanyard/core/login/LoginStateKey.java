package io.lanyard.core.login;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.FileFingerprint;
import io.lanyard.core.files.OwnerOnlyFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 256-bit AES key that seals pending logins ({@link PendingLoginSeal}), in {@value #FILE_NAME} in Lanyard's folder
 * of the shared home, so that every cluster node opens what any node sealed. Created on first use, readable by its
 * owner only from the moment it exists, and never replaced: two nodes creating it at the same moment end with one key
 * (the second reads the first one's). A node reads it again when the file changed (restored from a backup, or deleted
 * and created anew), which costs a look at its metadata per use.
 */
final class LoginStateKey {

    static final String FILE_NAME = "login-state.key";
    private static final Logger LOG = LoggerFactory.getLogger(LoginStateKey.class);
    private static final int KEY_BYTES = 32;
    private static final int MAX_FILE_BYTES = 1024;

    private final Path file;
    private final SecureRandom random;
    private volatile Held held;

    private record Held(SecretKeySpec key, Optional<FileFingerprint> fingerprint) {
    }

    private LoginStateKey(Path file, SecureRandom random, Held held) {
        this.file = file;
        this.random = random;
        this.held = held;
    }

    /** The key in {@code lanyardDirectory}, created there on first use. */
    static LoginStateKey inFolder(Path lanyardDirectory, SecureRandom random) {
        return new LoginStateKey(lanyardDirectory.resolve(FILE_NAME), random, null);
    }

    /** A key of this JVM alone, never written: for a host without a home (no configuration, so no login either). */
    static LoginStateKey inMemory(SecureRandom random) {
        return new LoginStateKey(null, random, new Held(new SecretKeySpec(newKey(random), "AES"), Optional.empty()));
    }

    /**
     * @throws LanyardException {@link ErrorCode#LOGIN_STATE_KEY_UNAVAILABLE} when the file cannot be read, created,
     *                          or does not hold a 256-bit key
     */
    SecretKeySpec current() {
        if (file == null) {
            return held.key;
        }
        Optional<FileFingerprint> now = fingerprint();
        Held known = held;
        if (known != null && now.isPresent() && now.equals(known.fingerprint)) {
            return known.key;
        }
        synchronized (this) {
            known = held;
            now = fingerprint();
            if (known == null || now.isEmpty() || !now.equals(known.fingerprint)) {
                known = new Held(new SecretKeySpec(now.isEmpty() ? create() : read(), "AES"), fingerprint());
                held = known;
            }
            return known.key;
        }
    }

    private Optional<FileFingerprint> fingerprint() {
        try {
            return FileFingerprint.of(file);
        } catch (IOException e) {
            throw unavailable("its metadata cannot be read", e);
        }
    }

    private byte[] read() {
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            return create();
        } catch (IOException e) {
            throw unavailable("it cannot be read", e);
        }
        try {
            if (OwnerOnlyFiles.restrictToOwner(file)) {
                LOG.warn("{} was readable by others than its owner: it is now readable by its owner only", file);
            }
            byte[] key = Base64.getDecoder().decode(new String(content, StandardCharsets.US_ASCII).strip());
            if (content.length > MAX_FILE_BYTES || key.length != KEY_BYTES) {
                throw unavailable("it does not hold a 256-bit key (base64)", null);
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw unavailable("it does not hold a 256-bit key (base64)", null);
        } catch (IOException e) {
            throw unavailable("its permissions cannot be restricted to its owner", e);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private byte[] create() {
        byte[] key = newKey(random);
        try {
            OwnerOnlyFiles.createKeyFile(file, key);
            LOG.info("Created the key that seals pending logins: {} (readable by its owner only)", file);
            return key;
        } catch (FileAlreadyExistsException anotherNodeWasFirst) {
            Arrays.fill(key, (byte) 0);
            return read();
        } catch (IOException e) {
            throw unavailable("it cannot be created", e);
        }
    }

    private static byte[] newKey(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    private LanyardException unavailable(String why, IOException cause) {
        String message = "the key that seals pending logins, " + file + ", is unusable: " + why
                + (cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")");
        return cause == null ? new LanyardException(ErrorCode.LOGIN_STATE_KEY_UNAVAILABLE, message)
                : new LanyardException(ErrorCode.LOGIN_STATE_KEY_UNAVAILABLE, message, cause);
    }

    @Override
    public String toString() {
        return "LoginStateKey[" + (file == null ? "in memory" : file) + "]";
    }
}
