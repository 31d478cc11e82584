package io.lanyard.core.config.xml;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.EntraConnectorConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.w3c.dom.Document;

/**
 * Turns a parsed {@code connector.xml} into validated connectors, or refuses it with every error of every connector
 * in one {@link ConfigurationException}.
 */
final class ConnectorXmlReader {

    static final String ROOT = "lanyard-connectors";
    static final String VERSION_ATTRIBUTE = ConfigListReader.VERSION_ATTRIBUTE;
    static final String VERSION = ConfigListReader.VERSION;
    static final String CONNECTOR = "connector";

    private static final ConfigListReader<EntraConnectorConfig> FORMAT = new ConfigListReader<>(ROOT, CONNECTOR,
            "connectors", Pattern.compile("[a-z0-9]{12}"), ConnectorElementReader::new);

    private ConnectorXmlReader() {
    }

    /**
     * @throws ConfigurationException listing every error found in the file
     */
    static List<EntraConnectorConfig> read(Document document, Path file) {
        return FORMAT.read(document, file);
    }
}
