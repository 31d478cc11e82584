package io.lanyard.core.config.xml;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.AtomicFileWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The identity providers in {@code provider.xml} in Lanyard's folder of the shared home.
 *
 * <p>Loading parses securely (see {@link SecureXml}) and validates every provider through
 * {@code IdentityProviderConfigBuilder}. Saving replaces the file atomically and keeps the previous one as
 * {@value #BACKUP_FILE_NAME}, serialized with every other save in the folder ({@link ConfigFile}).
 *
 * <p>Thread-safe.
 */
public final class ProviderXmlStore {

    public static final String FILE_NAME = "provider.xml";
    public static final String BACKUP_FILE_NAME = FILE_NAME + ".bak";

    private final ConfigFile file;

    public ProviderXmlStore(Path lanyardDirectory) {
        this(lanyardDirectory, AtomicFileWriter.ATOMIC_MOVE);
    }

    /** For tests: {@code replacer} stands in for the atomic rename, e.g. to make it fail. */
    ProviderXmlStore(Path lanyardDirectory, AtomicFileWriter.Replacer replacer) {
        this.file = new ConfigFile(lanyardDirectory, FILE_NAME, replacer);
    }

    public Path file() {
        return file.path();
    }

    public boolean exists() {
        return file.exists();
    }

    /**
     * @throws ConfigurationException with {@link ErrorCode#CONFIG_INVALID} listing every error in the file
     * @throws LanyardException with {@link ErrorCode#CONFIG_UNREADABLE} if the file is missing, cannot be read
     *                          or is not well-formed XML
     */
    public LanyardConfiguration load() {
        return ProviderXmlReader.read(SecureXml.read(file.path()), file.path());
    }

    /**
     * Writes {@code configuration}, which is valid by construction, replacing the file atomically. Creates
     * Lanyard's folder when it is missing.
     *
     * @throws LanyardException with {@link ErrorCode#CONFIG_WRITE_FAILED}; the previous file is then unchanged
     */
    public void save(LanyardConfiguration configuration) {
        file.replace(ProviderXmlWriter.write(Objects.requireNonNull(configuration, "configuration")));
    }

    /**
     * The file's bytes as they are now, or empty when there is no file: what {@link #restore} puts back when a change
     * that also writes {@code connector.xml} fails after this file was written.
     *
     * @throws LanyardException with {@link ErrorCode#CONFIG_UNREADABLE}
     */
    public Optional<byte[]> currentContent() {
        return file.currentContent();
    }

    /**
     * Puts back what {@link #currentContent()} returned; see {@link ConfigFile#restore}.
     *
     * @throws LanyardException with {@link ErrorCode#CONFIG_WRITE_FAILED}
     */
    public void restore(Optional<byte[]> content) {
        file.restore(content);
    }

    @Override
    public String toString() {
        return "ProviderXmlStore[" + file.path() + "]";
    }
}
