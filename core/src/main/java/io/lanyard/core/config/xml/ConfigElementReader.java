package io.lanyard.core.config.xml;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Reads one item element ({@code <provider>}, {@code <connector>}): its {@code id} and {@code enabled} attributes
 * and one text child per field. It only turns text into typed values; every rule about the values is the
 * configuration builder's, so the file and the admin UI can never disagree. Values are never quoted in errors: a
 * secret may have been pasted into the wrong element.
 *
 * <p>One instance reads one element; not thread-safe.
 *
 * @param <E> the item's child elements, in the order the writer writes them
 * @param <C> the configuration the builder makes of them
 */
abstract class ConfigElementReader<E extends Enum<E> & ConfigElementReader.ChildElement, C> {

    static final String ID_ATTRIBUTE = "id";
    static final String ENABLED_ATTRIBUTE = "enabled";

    /** A child element: its name is the enum constant's, its field the builder's name for the same value. */
    interface ChildElement {
        String name();

        /** The field's name as in the builder's errors, e.g. {@code clockSkew}. */
        String field();

        boolean required();
    }

    private final Class<E> childElements;
    private final String itemName;
    private final String prefix;
    private final List<FieldError> errors = new ArrayList<>();
    private final Set<String> fieldsWithErrors = new HashSet<>();

    /**
     * @param itemName the element read, e.g. {@code provider}
     * @param prefix   put before each field in errors, e.g. {@code providers[<id>]}
     */
    ConfigElementReader(Class<E> childElements, String itemName, String prefix) {
        this.childElements = childElements;
        this.itemName = itemName;
        this.prefix = prefix;
    }

    /** @return the configuration, when the element has no error; its errors are added to {@code allErrors} */
    final Optional<C> read(Element item, List<FieldError> allErrors) {
        readAttributes(item);
        Map<E, String> values = readChildren(item);
        for (E child : childElements.getEnumConstants()) {
            if (child.required() && !values.containsKey(child) && !fieldsWithErrors.contains(child.field())) {
                error(child.field(), "element <" + child.name() + "> is missing");
            }
        }
        values.forEach(this::apply);
        Optional<C> config = build();
        allErrors.addAll(errors);
        return config;
    }

    /** The {@code id} attribute, null when absent (the builder then reports it missing). */
    abstract void id(String id);

    abstract void enabled(boolean enabled);

    /** Gives one child's text, as written (secrets keep their exact text), to the builder. */
    abstract void apply(E child, String text);

    /** @throws ConfigurationException with the builder's field errors */
    abstract C buildConfiguration();

    /** @param field the builder's field name, or null for the item as a whole */
    final void error(String field, String message) {
        if (field != null) {
            fieldsWithErrors.add(field);
        }
        errors.add(new FieldError(field == null ? prefix : prefix + "." + field, message));
    }

    final Optional<Boolean> parseBoolean(String field, String value) {
        String stripped = value.strip();
        if (stripped.equals("true") || stripped.equals("false")) {
            return Optional.of(Boolean.valueOf(stripped));
        }
        error(field, "must be true or false");
        return Optional.empty();
    }

    private void readAttributes(Element item) {
        if (!item.hasAttribute(ID_ATTRIBUTE)) {
            error(ID_ATTRIBUTE, "attribute id is missing");
        }
        id(item.hasAttribute(ID_ATTRIBUTE) ? item.getAttribute(ID_ATTRIBUTE) : null);
        NamedNodeMap attributes = item.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getName();
            if (name.equals(ENABLED_ATTRIBUTE)) {
                parseBoolean(ENABLED_ATTRIBUTE, attribute.getValue()).ifPresent(this::enabled);
            } else if (!name.equals(ID_ATTRIBUTE)) {
                error(null, "unknown attribute " + XmlNodes.printableName(name) + " on <" + itemName + ">");
            }
        }
    }

    private Map<E, String> readChildren(Element item) {
        Map<E, String> values = new EnumMap<>(childElements);
        for (Node node = item.getFirstChild(); node != null; node = node.getNextSibling()) {
            Optional<E> known = node.getNodeType() == Node.ELEMENT_NODE
                    ? childNamed(node.getNodeName()) : Optional.empty();
            if (known.isEmpty()) {
                XmlNodes.unexpectedNode(node, prefix, itemName).ifPresent(errors::add);
            } else if (values.containsKey(known.get())) {
                error(known.get().field(), "element <" + known.get().name() + "> appears more than once");
            } else {
                textOf((Element) node, known.get()).ifPresent(text -> values.put(known.get(), text));
            }
        }
        return values;
    }

    /** Exact, case-sensitive: a misspelt element is an error, not a guess. */
    private Optional<E> childNamed(String name) {
        for (E child : childElements.getEnumConstants()) {
            if (child.name().equals(name)) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    private Optional<String> textOf(Element element, E which) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                error(which.field(), "element <" + which.name() + "> must contain text only");
                return Optional.empty();
            }
        }
        return Optional.of(element.getTextContent());
    }

    /** Runs the builder's rules; reports only what the parsing above has not already said about a field. */
    private Optional<C> build() {
        try {
            C config = buildConfiguration();
            return errors.isEmpty() ? Optional.of(config) : Optional.empty();
        } catch (ConfigurationException e) {
            for (FieldError fieldError : e.fieldErrors()) {
                if (!fieldsWithErrors.contains(fieldError.field())) {
                    errors.add(new FieldError(prefix + "." + fieldError.field(), fieldError.message()));
                }
            }
            return Optional.empty();
        }
    }
}
