package io.lanyard.core.config.xml;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the file of one kind of integration, a versioned root element holding a list of items, the shape every
 * kind's file has ({@code provider.xml}, {@code connector.xml}), and reports every error of the file at once, so that
 * an administrator fixes the file in one go.
 *
 * @param format the kind's file format
 * @param <C>    an item's configuration
 */
record IntegrationListReader<C extends Integration, B extends IntegrationBuilder<C>>(IntegrationXmlFormat<C,
        B> format) {

    private static final String VERSION_ATTRIBUTE = IntegrationXmlFormat.VERSION_ATTRIBUTE;
    private static final String VERSION = IntegrationXmlFormat.VERSION;

    /**
     * @return the items in file order
     * @throws ConfigurationException listing every error found in the file
     */
    List<C> read(Document document, Path file) {
        Element rootElement = document.getDocumentElement();
        String root = format.root();
        checkRootAndVersion(rootElement, file);
        List<FieldError> errors = new ArrayList<>();
        if (rootElement.getAttributes().getLength() != 1) {
            errors.add(new FieldError("file", "<" + root + "> must have no attribute besides " + VERSION_ATTRIBUTE));
        }
        List<C> items = new ArrayList<>();
        Map<String, Integer> idCounts = new LinkedHashMap<>();
        int position = 0;
        for (Node node = rootElement.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE && format.item().equals(node.getNodeName())) {
                position++;
                readItem((Element) node, position, errors).ifPresent(items::add);
                countId(idCounts, (Element) node);
            } else {
                XmlNodes.unexpectedNode(node, format.collection(), root).ifPresent(errors::add);
            }
        }
        reportDuplicateIds(idCounts, errors);
        if (!errors.isEmpty()) {
            throw new ConfigurationException(file + " is invalid", errors);
        }
        return List.copyOf(items);
    }

    private boolean isWellFormedId(String id) {
        return format.kind().isWellFormedId(id);
    }

    /** Errors name the item by its id, or by its position when the id is missing or malformed. */
    private Optional<C> readItem(Element element, int position, List<FieldError> errors) {
        String id = element.getAttribute(IntegrationXmlFormat.ID_ATTRIBUTE);
        String label = element.hasAttribute(IntegrationXmlFormat.ID_ATTRIBUTE) && isWellFormedId(id)
                ? id : "#" + position;
        return new IntegrationElementReader<>(format, format.collection() + "[" + label + "]").read(element, errors);
    }

    private void checkRootAndVersion(Element rootElement, Path file) {
        String root = format.root();
        List<FieldError> errors = new ArrayList<>();
        if (!root.equals(rootElement.getTagName())) {
            errors.add(new FieldError("file", "the root element must be <" + root + ">"));
        } else if (!VERSION.equals(rootElement.getAttribute(VERSION_ATTRIBUTE))) {
            // A later format may mean something else by the same elements: refuse rather than half-understand it.
            errors.add(new FieldError(VERSION_ATTRIBUTE, "<" + root + "> must have version=\"" + VERSION
                    + "\", the only version this Lanyard reads"));
        }
        if (!errors.isEmpty()) {
            throw new ConfigurationException(file + " is invalid", errors);
        }
    }

    private static void countId(Map<String, Integer> idCounts, Element element) {
        if (element.hasAttribute(IntegrationXmlFormat.ID_ATTRIBUTE)) {
            idCounts.merge(element.getAttribute(IntegrationXmlFormat.ID_ATTRIBUTE), 1, Integer::sum);
        }
    }

    private void reportDuplicateIds(Map<String, Integer> idCounts, List<FieldError> errors) {
        idCounts.forEach((id, count) -> {
            if (count > 1 && isWellFormedId(id)) {
                errors.add(new FieldError(format.collection() + "[" + id + "].id", "is used by " + count + " "
                        + format.collection()));
            }
        });
    }
}
