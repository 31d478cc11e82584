package io.lanyard.core.secret.secured;

import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.AtomicFileWriter;
import io.lanyard.core.files.OwnerOnlyFiles;
import io.lanyard.core.secret.SecretPropertyNames;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.nio.ByteBuffer;

/**
 * The file {@value #FILE_NAME} in Lanyard's folder of the shared home: the encrypted secured properties, one line
 * each, and the id of the key they were encrypted with (never the key). Written atomically (temporary file, fsync,
 * rename), readable by its owner only, without a backup: an old value must not linger after a new one replaced it.
 *
 * <pre>
 * # comment lines
 * format=1
 * key-id=&lt;16 hex digits&gt;
 * ORG_KANTEGA_ATLASKERB_..._CLIENTSECRET=&lt;base64url(IV || ciphertext || tag)&gt;
 * </pre>
 */
final class SecuredPropertyStore {

    static final String FILE_NAME = "secured-properties.properties";
    static final String FORMAT = "format";
    static final String KEY_ID = "key-id";
    private static final String FORMAT_VERSION = "1";
    private static final int MAX_BYTES = 256 * 1024;
    private static final String HEADER = """
            # Lanyard: client secrets given in -Dsecrets.secured-properties (Bitbucket 9+), each encrypted with
            # AES-256-GCM under the key in %s. Written by Lanyard at start; do not edit.
            """.formatted(SecuredPropertyKeyFile.FILE_NAME);

    /** What the file holds: the key's id and the encrypted value of each name, sorted by name. */
    record Contents(String keyId, SortedMap<String, String> encrypted) {

        Contents {
            encrypted = new TreeMap<>(encrypted);
        }

        Contents with(String name, String encryptedValue) {
            SortedMap<String, String> updated = new TreeMap<>(encrypted);
            updated.put(name, encryptedValue);
            return new Contents(keyId, updated);
        }
    }

    private final Path file;
    private final AtomicFileWriter writer;

    SecuredPropertyStore(Path lanyardDirectory, AtomicFileWriter.Replacer replacer) {
        this.file = lanyardDirectory.resolve(FILE_NAME);
        this.writer = new AtomicFileWriter(replacer);
    }

    Path file() {
        return file;
    }

    /**
     * @return empty when there is no store yet
     * @throws SecuredStoreException if it cannot be read or is not in the format above
     */
    Optional<Contents> read() throws SecuredStoreException {
        Optional<byte[]> read;
        try {
            read = OwnerOnlyFiles.readAtMost(file, MAX_BYTES);
        } catch (IOException e) {
            throw new SecuredStoreException("the store " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + ")", e);
        }
        if (read.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = read.get();
        if (bytes.length > MAX_BYTES) {
            throw new SecuredStoreException("the store " + file + " is larger than " + MAX_BYTES / 1024 + " KiB");
        }
        return Optional.of(parse(utf8(bytes)));
    }

    private String utf8(byte[] bytes) throws SecuredStoreException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw damaged("it is not UTF-8 text");
        }
    }

    /** Lines are never quoted in errors: they hold encrypted secrets, and a damaged line may hold anything. */
    private Contents parse(String text) throws SecuredStoreException {
        Map<String, String> values = new TreeMap<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw damaged("line " + (i + 1) + " is not name=value");
            }
            String name = line.substring(0, equals).strip();
            if (!name.equals(FORMAT) && !name.equals(KEY_ID) && !SecretPropertyNames.isOurs(name)) {
                throw damaged("line " + (i + 1) + " has a name that is not Lanyard's");
            }
            if (values.put(name, line.substring(equals + 1).strip()) != null) {
                throw damaged("line " + (i + 1) + " repeats a name");
            }
        }
        if (!FORMAT_VERSION.equals(values.remove(FORMAT))) {
            throw damaged("it does not say " + FORMAT + "=" + FORMAT_VERSION);
        }
        String keyId = values.remove(KEY_ID);
        if (keyId == null || keyId.isEmpty()) {
            throw damaged("it does not name its key (" + KEY_ID + ")");
        }
        return new Contents(keyId, new TreeMap<>(values));
    }

    private SecuredStoreException damaged(String why) {
        return new SecuredStoreException("the store " + file + " is damaged: " + why);
    }

    /**
     * @throws SecuredStoreException if the file cannot be written; the previous one is then unchanged
     */
    void write(Contents contents) throws SecuredStoreException {
        StringBuilder text = new StringBuilder(HEADER)
                .append(FORMAT).append('=').append(FORMAT_VERSION).append('\n')
                .append(KEY_ID).append('=').append(contents.keyId()).append('\n');
        contents.encrypted().forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        try {
            writer.write(file, null, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (LanyardException e) {
            // AtomicFileWriter's own failure, with the file's name and the I/O error's: say it for this store.
            throw new SecuredStoreException(e.getMessage(), e);
        }
    }
}
