package io.lanyard.core.config.xml;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.AtomicFileWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The Entra ID connectors in {@code connector.xml}, next to {@code provider.xml} in Lanyard's folder of the shared
 * home, under the same rules: secure parsing ({@link SecureXml}), validation through
 * {@code EntraConnectorConfigBuilder}, atomic replacement with a backup ({@value #BACKUP_FILE_NAME}), owner-only
 * permissions, and saves serialized with those of {@code provider.xml} in the same folder ({@link ConfigFile}).
 *
 * <p>Thread-safe.
 */
public final class ConnectorXmlStore {

    public static final String FILE_NAME = "connector.xml";
    public static final String BACKUP_FILE_NAME = FILE_NAME + ".bak";

    private final ConfigFile file;

    public ConnectorXmlStore(Path lanyardDirectory) {
        this(lanyardDirectory, AtomicFileWriter.ATOMIC_MOVE);
    }

    /** For tests: {@code replacer} stands in for the atomic rename, e.g. to make it fail. */
    ConnectorXmlStore(Path lanyardDirectory, AtomicFileWriter.Replacer replacer) {
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
    public List<EntraConnectorConfig> load() {
        return ConnectorXmlReader.read(SecureXml.read(file.path()), file.path());
    }

    /** The connectors of the file, or none when there is no file (connectors are optional). */
    public List<EntraConnectorConfig> loadIfExists() {
        return exists() ? load() : List.of();
    }

    /**
     * Writes {@code connectors} (valid by construction), replacing the file atomically; creates Lanyard's folder
     * when it is missing.
     *
     * @throws ConfigurationException if two connectors share an id (the file could not be loaded again)
     * @throws LanyardException with {@link ErrorCode#CONFIG_WRITE_FAILED}; the previous file is then unchanged
     */
    public void save(List<EntraConnectorConfig> connectors) {
        List<EntraConnectorConfig> checked = LanyardConfiguration.empty().withEntraConnectors(connectors).entraConnectors();
        file.replace(ConnectorXmlWriter.write(checked));
    }

    @Override
    public String toString() {
        return "ConnectorXmlStore[" + file.path() + "]";
    }
}
