package io.lanyard.core.config.xml;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a versioned root element holding a list of items, the shape {@code provider.xml} and {@code connector.xml}
 * share, and reports every error of the file at once.
 *
 * @param root         the root element, e.g. {@code lanyard-providers}
 * @param item         the item element, e.g. {@code provider}
 * @param collection   how errors name the list, e.g. {@code providers}
 * @param wellFormedId ids that may be quoted in errors (others are named by position)
 * @param newReader    makes the reader of one item for the given error prefix
 * @param <C>          an item's configuration
 */
record ConfigListReader<C>(String root, String item, String collection, Pattern wellFormedId,
        Function<String, ConfigElementReader<?, C>> newReader) {

    static final String VERSION_ATTRIBUTE = "version";
    static final String VERSION = "1";

    /**
     * @return the items in file order
     * @throws ConfigurationException listing every error found in the file
     */
    List<C> read(Document document, Path file) {
        Element rootElement = document.getDocumentElement();
        checkRootAndVersion(rootElement, file);
        List<FieldError> errors = new ArrayList<>();
        if (rootElement.getAttributes().getLength() != 1) {
            errors.add(new FieldError("file", "<" + root + "> must have no attribute besides " + VERSION_ATTRIBUTE));
        }
        List<C> items = new ArrayList<>();
        Map<String, Integer> idCounts = new LinkedHashMap<>();
        int position = 0;
        for (Node node = rootElement.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE && item.equals(node.getNodeName())) {
                position++;
                readItem((Element) node, position, errors).ifPresent(items::add);
                countId(idCounts, (Element) node);
            } else {
                XmlNodes.unexpectedNode(node, collection, root).ifPresent(errors::add);
            }
        }
        reportDuplicateIds(idCounts, errors);
        if (!errors.isEmpty()) {
            throw new ConfigurationException(file + " is invalid", errors);
        }
        return List.copyOf(items);
    }

    boolean isWellFormedId(String id) {
        return wellFormedId.matcher(id).matches();
    }

    /** Errors name the item by its id, or by its position when the id is missing or malformed. */
    private Optional<C> readItem(Element element, int position, List<FieldError> errors) {
        String id = element.getAttribute(ConfigElementReader.ID_ATTRIBUTE);
        String label = element.hasAttribute(ConfigElementReader.ID_ATTRIBUTE) && isWellFormedId(id)
                ? id : "#" + position;
        return newReader.apply(collection + "[" + label + "]").read(element, errors);
    }

    private void checkRootAndVersion(Element rootElement, Path file) {
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
        if (element.hasAttribute(ConfigElementReader.ID_ATTRIBUTE)) {
            idCounts.merge(element.getAttribute(ConfigElementReader.ID_ATTRIBUTE), 1, Integer::sum);
        }
    }

    private void reportDuplicateIds(Map<String, Integer> idCounts, List<FieldError> errors) {
        idCounts.forEach((id, count) -> {
            if (count > 1 && isWellFormedId(id)) {
                errors.add(new FieldError(collection + "[" + id + "].id", "is used by " + count + " " + collection));
            }
        });
    }
}
