package io.lanyard.core.config.xml;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Turns a parsed {@code provider.xml} into a validated {@link LanyardConfiguration}, or refuses it with every
 * error of every provider in one {@link ConfigurationException}, so that an administrator fixes the file in one go.
 */
final class ProviderXmlReader {

    static final String ROOT = "lanyard-providers";
    static final String VERSION_ATTRIBUTE = "version";
    static final String VERSION = "1";
    static final String PROVIDER = "provider";

    private ProviderXmlReader() {
    }

    /**
     * @throws ConfigurationException listing every error found in the file
     */
    static LanyardConfiguration read(Document document, Path file) {
        Element root = document.getDocumentElement();
        checkRootAndVersion(root, file);
        List<FieldError> errors = new ArrayList<>();
        if (root.getAttributes().getLength() != 1) {
            errors.add(new FieldError("file", "<" + ROOT + "> must have no attribute besides " + VERSION_ATTRIBUTE));
        }
        List<IdentityProviderConfig> providers = new ArrayList<>();
        Map<String, Integer> idCounts = new LinkedHashMap<>();
        int position = 0;
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (isProviderElement(node)) {
                position++;
                Element provider = (Element) node;
                ProviderElementReader.read(provider, position, errors).ifPresent(providers::add);
                countId(idCounts, provider);
            } else {
                XmlNodes.unexpectedNode(node, "providers", ROOT).ifPresent(errors::add);
            }
        }
        reportDuplicateIds(idCounts, errors);
        if (!errors.isEmpty()) {
            throw new ConfigurationException(file + " is invalid", errors);
        }
        return new LanyardConfiguration(providers);
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

    private static boolean isProviderElement(Node node) {
        return node.getNodeType() == Node.ELEMENT_NODE && PROVIDER.equals(node.getNodeName());
    }

    private static void countId(Map<String, Integer> idCounts, Element provider) {
        if (provider.hasAttribute(ProviderElementReader.ID_ATTRIBUTE)) {
            idCounts.merge(provider.getAttribute(ProviderElementReader.ID_ATTRIBUTE), 1, Integer::sum);
        }
    }

    private static void reportDuplicateIds(Map<String, Integer> idCounts, List<FieldError> errors) {
        idCounts.forEach((id, count) -> {
            if (count > 1 && ProviderElementReader.isWellFormedId(id)) {
                errors.add(new FieldError("providers[" + id + "].id", "is used by " + count + " providers"));
            }
        });
    }
}
