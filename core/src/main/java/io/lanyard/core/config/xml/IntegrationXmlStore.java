package io.lanyard.core.config.xml;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.AtomicFileWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The integrations of one kind in their file in Lanyard's folder of the shared home ({@code provider.xml},
 * {@code connector.xml}), every kind under the same rules: secure parsing ({@link SecureXml}), validation by the
 * kind's builder, atomic replacement with a backup ({@code <file>.bak}), owner-only permissions, and saves serialized
 * with every other save in the folder ({@link ConfigFile}).
 *
 * <p>Thread-safe.
 *
 * @param <C> the kind's configuration
 */
public final class IntegrationXmlStore<C extends Integration> {

    private final IntegrationXmlFormat<C, ?> format;
    private final ConfigFile file;

    IntegrationXmlStore(IntegrationXmlFormat<C, ?> format, Path lanyardDirectory) {
        this(format, lanyardDirectory, AtomicFileWriter.ATOMIC_MOVE);
    }

    /** For tests: {@code replacer} stands in for the atomic rename, e.g. to make it fail. */
    IntegrationXmlStore(IntegrationXmlFormat<C, ?> format, Path lanyardDirectory, AtomicFileWriter.Replacer replacer) {
        this.format = Objects.requireNonNull(format, "format");
        this.file = new ConfigFile(lanyardDirectory, format.fileName(), replacer);
    }

    /** The file of {@code kind} in Lanyard's folder. */
    public static <C extends Integration> IntegrationXmlStore<C> of(IntegrationKind<C> kind, Path lanyardDirectory) {
        return new IntegrationXmlStore<>(IntegrationXmlFormats.of(kind), lanyardDirectory);
    }

    public IntegrationKind<C> kind() {
        return format.kind();
    }

    public Path file() {
        return file.path();
    }

    /** The name of the file Lanyard keeps the previous version in. */
    public String backupFileName() {
        return format.fileName() + ".bak";
    }

    public boolean exists() {
        return file.exists();
    }

    /**
     * @return the integrations of the file, in file order
     * @throws ConfigurationException with {@link ErrorCode#CONFIG_INVALID} listing every error in the file
     * @throws LanyardException with {@link ErrorCode#CONFIG_UNREADABLE} if the file is missing, cannot be read
     *                          or is not well-formed XML
     */
    public List<C> load() {
        return new IntegrationListReader<>(format).read(SecureXml.read(file.path()), file.path());
    }

    /** The integrations of the file, or none when there is no file. */
    public List<C> loadIfExists() {
        return exists() ? load() : List.of();
    }

    /**
     * Writes {@code items} (valid by construction), replacing the file atomically; creates Lanyard's folder when it
     * is missing.
     *
     * @throws ConfigurationException if two items share an id (the file could not be loaded again)
     * @throws LanyardException with {@link ErrorCode#CONFIG_WRITE_FAILED}; the previous file is then unchanged
     */
    public void save(List<C> items) {
        List<C> checked = LanyardConfiguration.empty().with(format.kind(), items).all(format.kind());
        file.replace(IntegrationXmlWriter.write(format, checked));
    }

    /** Writes this kind's part of {@code configuration}; see {@link #save(List)}. */
    public void save(LanyardConfiguration configuration) {
        save(configuration.all(format.kind()));
    }

    /**
     * The file's bytes as they are now, or empty when there is no file: what {@link #restore} puts back when a change
     * that also writes another file fails after this one was written.
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
        return "IntegrationXmlStore[" + file.path() + "]";
    }
}
