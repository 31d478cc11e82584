package io.lanyard.core.config.xml;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.FieldError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Turns a parsed {@code connector.xml} into validated connectors, or refuses it with every error of every connector
 * in one {@link ConfigurationException}.
 */
final class ConnectorXmlReader {

    static final String ROOT = "lanyard-connectors";
    static final String VERSION_ATTRIBUTE = "version";
    static final String VERSION = "1";
    static final String CONNECTOR = "connector";

    private ConnectorXmlReader() {
    }

    /**
     * @throws ConfigurationException listing every error found in the file
     */
    static List<EntraConnectorConfig> read(Document document, Path file) {
        Element root = document.getDocumentElement();
        checkRootAndVersion(root, file);
        List<FieldError> errors = new ArrayList<>();
        if (root.getAttributes().getLength() != 1) {
            errors.add(new FieldError("file", "<" + ROOT + "> must have no attribute besides " + VERSION_ATTRIBUTE));
        }
        List<EntraConnectorConfig> connectors = new ArrayList<>();
        Map<String, Integer> idCounts = new LinkedHashMap<>();
        int position = 0;
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE && CONNECTOR.equals(node.getNodeName())) {
                position++;
                Element connector = (Element) node;
                ConnectorElementReader.read(connector, position, errors).ifPresent(connectors::add);
                if (connector.hasAttribute(ConnectorElementReader.ID_ATTRIBUTE)) {
                    idCounts.merge(connector.getAttribute(ConnectorElementReader.ID_ATTRIBUTE), 1, Integer::sum);
                }
            } else {
                XmlNodes.unexpectedNode(node, "connectors", ROOT).ifPresent(errors::add);
            }
        }
        idCounts.forEach((id, count) -> {
            if (count > 1 && ConnectorElementReader.isWellFormedId(id)) {
                errors.add(new FieldError("connectors[" + id + "].id", "is used by " + count + " connectors"));
            }
        });
        if (!errors.isEmpty()) {
            throw new ConfigurationException(file + " is invalid", errors);
        }
        return List.copyOf(connectors);
    }

    private static void checkRootAndVersion(Element root, Path file) {
        List<FieldError> errors = new ArrayList<>();
        if (!ROOT.equals(root.getTagName())) {
            errors.add(new FieldError("file", "the root element must be <" + ROOT + ">"));
        } else if (!VERSION.equals(root.getAttribute(VERSION_ATTRIBUTE))) {
            // A later format may mean something else by the same elements: refuse rather than half-understand it.
            errors.add(new FieldError(VERSION_ATTRIBUTE, "<" + ROOT + "> must have version=\"" + VERSION
                    + "\", the only version this Lanyard reads"));
        }
        if (!errors.isEmpty()) {
            throw new ConfigurationException(file + " is invalid", errors);
        }
    }
}
