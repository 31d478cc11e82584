package io.lanyard.sandbox.idp;

import io.lanyard.core.secret.Secret;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

/**
 * The built-in provider's client secret, generated once and kept in {@value #FILE_NAME} in the sandbox's home,
 * readable by its owner only. The same secret goes into {@code provider.xml}, so a second start works.
 */
public final class ClientSecretFile {

    public static final String FILE_NAME = "sandbox-idp.properties";
    static final String KEY = "client_secret";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private ClientSecretFile() {
    }

    /** Reads the secret, creating the file with a new random secret when there is none. */
    public static Secret loadOrCreate(Path home) throws IOException {
        Path file = home.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            try {
                create(file);
            } catch (FileAlreadyExistsException anotherStartWasFaster) {
                // fall through and read what the other start wrote
            }
        }
        restrictToOwner(file);
        return read(file);
    }

    private static void create(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Properties properties = new Properties();
        properties.setProperty(KEY, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        if (supportsPosix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "Client secret of the sandbox's built-in identity provider (client id "
                    + BuiltInProvider.CLIENT_ID + "). Delete this file and provider.xml to start afresh.");
        }
    }

    private static Secret read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String value = properties.getProperty(KEY, "").strip();
        if (value.isEmpty()) {
            throw new IOException(file + " has no " + KEY + ": delete the file to have a new secret generated");
        }
        return Secret.of(value);
    }

    /** The file holds a secret: no one but its owner may read it, even if someone loosened its permissions. */
    private static void restrictToOwner(Path file) throws IOException {
        if (supportsPosix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean supportsPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
