package io.lanyard.core.signing;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.AtomicFileWriter;
import io.lanyard.core.files.OwnerOnlyFiles;
import io.lanyard.core.signing.SigningKey.State;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@value #FILE_NAME} in Lanyard's folder of the shared home: every signing key with its private key and certificate,
 * readable by its owner only. Created whole and never over an existing file (two nodes starting at once end up with
 * the same key); changed atomically under a lock file, so that two nodes rotating at once cannot lose a key.
 *
 * <pre>{"format": 1, "keys": [{"state": "ACTIVE", "created": "…", "activated": "…", "jwk": {…private JWK…}}]}</pre>
 *
 * Errors name the file, never its content.
 */
final class SigningKeyFile {

    static final String FILE_NAME = "signing-keys.json";
    private static final String LOCK_FILE_NAME = FILE_NAME + ".lock";
    private static final int FORMAT = 1;
    private static final int MAX_BYTES = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyFile.class);

    private final Path file;
    private final Path lockFile;
    private final AtomicFileWriter writer;

    SigningKeyFile(Path lanyardDirectory, AtomicFileWriter.Replacer replacer) {
        Path directory = lanyardDirectory.toAbsolutePath().normalize();
        this.file = directory.resolve(FILE_NAME);
        this.lockFile = directory.resolve(LOCK_FILE_NAME);
        this.writer = new AtomicFileWriter(replacer);
    }

    Path file() {
        return file;
    }

    /** When the file last changed, to notice another node's rotation; empty when there is no file. */
    Optional<FileTime> lastModified() {
        try {
            return Optional.of(Files.getLastModifiedTime(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * @return empty when there is no file yet
     * @throws LanyardException {@code SIGNING_KEY_UNUSABLE} if it cannot be read or is damaged
     */
    Optional<SigningKeySet> read() {
        Optional<byte[]> read;
        try {
            read = OwnerOnlyFiles.readAtMost(file, MAX_BYTES);
        } catch (IOException e) {
            throw unusable("cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
        if (read.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = read.get();
        if (bytes.length > MAX_BYTES) {
            throw unusable("is larger than " + MAX_BYTES / 1024 + " KiB", null);
        }
        return Optional.of(parse(new String(bytes, StandardCharsets.UTF_8)));
    }

    /**
     * Creates the file with {@code first} unless another node created it first; either way gives back what the file
     * holds now.
     */
    SigningKeySet create(SigningKeySet first) {
        try {
            if (OwnerOnlyFiles.createWhole(file, serialize(first))) {
                LOG.info("Created Lanyard's signing key {} in {} (readable by its owner only)", first.active().keyId(),
                        file);
                return first;
            }
        } catch (IOException e) {
            throw unusable("cannot be created (" + e.getClass().getSimpleName() + ")", e);
        }
        return read().orElseThrow(() -> unusable("vanished just after another node created it", null));
    }

    /**
     * Reads, changes and writes the key set while holding the lock file, so a change made meanwhile on another node
     * is never overwritten. The file is replaced atomically; on failure it is unchanged.
     */
    synchronized SigningKeySet update(UnaryOperator<SigningKeySet> change) {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                SigningKeySet current = read().orElseThrow(() -> unusable("does not exist", null));
                SigningKeySet next = change.apply(current);
                if (!next.equals(current)) {
                    writer.write(file, null, serialize(next));
                }
                return next;
            }
        } catch (IOException e) {
            throw unusable("cannot be locked for a change (" + e.getClass().getSimpleName() + ")", e);
        } catch (LanyardException e) {
            if (e.errorCode() == ErrorCode.CONFIG_WRITE_FAILED) {
                throw unusable("cannot be written: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private static byte[] serialize(SigningKeySet set) {
        List<Object> keys = new ArrayList<>();
        for (SigningKey key : set.keys()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("state", key.state().name());
            entry.put("created", key.created().toString());
            key.activated().ifPresent(at -> entry.put("activated", at.toString()));
            key.retired().ifPresent(at -> entry.put("retired", at.toString()));
            entry.put("jwk", key.jwk().toJSONObject());
            keys.add(entry);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", FORMAT);
        document.put("keys", keys);
        return JSONObjectUtils.toJSONString(document).getBytes(StandardCharsets.UTF_8);
    }

    private SigningKeySet parse(String text) {
        try {
            Map<String, Object> document = JSONObjectUtils.parse(text);
            if (!(document.get("format") instanceof Number format) || format.intValue() != FORMAT) {
                throw damaged("it does not say format " + FORMAT);
            }
            List<SigningKey> keys = new ArrayList<>();
            Map<String, Object>[] entries = JSONObjectUtils.getJSONObjectArray(document, "keys");
            for (Map<String, Object> entry : entries == null ? new Map[0] : entries) {
                keys.add(new SigningKey(RSAKey.parse(JSONObjectUtils.getJSONObject(entry, "jwk")),
                        State.valueOf(JSONObjectUtils.getString(entry, "state")), instant(entry, "created").orElseThrow(),
                        instant(entry, "activated"), instant(entry, "retired")));
            }
            return new SigningKeySet(keys);
        } catch (ParseException | RuntimeException e) {
            // never quote the content: it holds private keys
            throw e instanceof LanyardException lanyard ? lanyard
                    : damaged("it is not a key set Lanyard wrote (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Optional<Instant> instant(Map<String, Object> entry, String name) throws ParseException {
        String text = JSONObjectUtils.getString(entry, name);
        try {
            return Optional.ofNullable(text).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new ParseException(name + " is not a time", 0);
        }
    }

    private LanyardException damaged(String why) {
        return unusable("is damaged: " + why, null);
    }

    private LanyardException unusable(String what, Throwable cause) {
        return new LanyardException(ErrorCode.SIGNING_KEY_UNUSABLE, "Lanyard's signing key file " + file + " " + what,
                cause);
    }
}
