package io.lanyard.core.config.xml;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationBuilder;
import java.util.ArrayList;
import java.util.HashMap;
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
 * and one text child per field of its format, into the kind's builder, whose rules decide what is valid. Values are
 * never quoted in errors: a secret may have been pasted into the wrong element.
 *
 * <p>One instance reads one element; not thread-safe.
 *
 * @param <C> the configuration the builder makes
 * @param <B> the builder
 */
final class IntegrationElementReader<C extends Integration, B extends IntegrationBuilder<C>> {

    private final IntegrationXmlFormat<C, B> format;
    private final String prefix;
    private final B builder;
    private final List<FieldError> errors = new ArrayList<>();
    private final Set<String> fieldsWithErrors = new HashSet<>();

    /** @param prefix put before each field in errors, e.g. {@code providers[<id>]} */
    IntegrationElementReader(IntegrationXmlFormat<C, B> format, String prefix) {
        this.format = format;
        this.prefix = prefix;
        this.builder = format.newBuilder().get();
    }

    /** @return the configuration, when the element has no error; its errors are added to {@code allErrors} */
    Optional<C> read(Element item, List<FieldError> allErrors) {
        readAttributes(item);
        Map<IntegrationXmlFormat.Element<C, B>, ElementText> values = readChildren(item);
        for (IntegrationXmlFormat.Element<C, B> child : format.elements()) {
            if (child.required() && !values.containsKey(child) && !fieldsWithErrors.contains(child.field())) {
                error(child.field(), "element <" + child.name() + "> is missing");
            }
        }
        // Gives each child's text, as written (secrets keep their exact text), to the builder, in the format's order.
        for (IntegrationXmlFormat.Element<C, B> child : format.elements()) {
            ElementText text = values.get(child);
            if (text != null) {
                child.read().accept(builder, text);
            }
        }
        Optional<C> config = build();
        allErrors.addAll(errors);
        return config;
    }

    /** @param field the builder's field name, or null for the item as a whole */
    private void error(String field, String message) {
        if (field != null) {
            fieldsWithErrors.add(field);
        }
        errors.add(new FieldError(field == null ? prefix : prefix + "." + field, message));
    }

    private void readAttributes(Element item) {
        String id = IntegrationXmlFormat.ID_ATTRIBUTE;
        if (!item.hasAttribute(id)) {
            error(id, "attribute id is missing");
        }
        builder.id(item.hasAttribute(id) ? item.getAttribute(id) : null);
        NamedNodeMap attributes = item.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getName();
            if (name.equals(IntegrationXmlFormat.ENABLED_ATTRIBUTE)) {
                new ElementText(attribute.getValue(), message -> error(IntegrationXmlFormat.ENABLED_ATTRIBUTE, message))
                        .parseBoolean(attribute.getValue()).ifPresent(builder::enabled);
            } else if (!name.equals(id)) {
                error(null, "unknown attribute " + XmlNodes.printableName(name) + " on <" + format.item() + ">");
            }
        }
    }

    private Map<IntegrationXmlFormat.Element<C, B>, ElementText> readChildren(Element item) {
        Map<IntegrationXmlFormat.Element<C, B>, ElementText> values = new HashMap<>();
        for (Node node = item.getFirstChild(); node != null; node = node.getNextSibling()) {
            Optional<IntegrationXmlFormat.Element<C, B>> known = node.getNodeType() == Node.ELEMENT_NODE
                    ? childNamed(node.getNodeName()) : Optional.empty();
            if (known.isEmpty()) {
                XmlNodes.unexpectedNode(node, prefix, format.item()).ifPresent(errors::add);
            } else if (values.containsKey(known.get())) {
                error(known.get().field(), "element <" + known.get().name() + "> appears more than once");
            } else if (known.get().list() != null) {
                itemsOf((Element) node, known.get()).ifPresent(text -> values.put(known.get(), text));
            } else {
                textOf((Element) node, known.get()).ifPresent(text -> values.put(known.get(), text));
            }
        }
        return values;
    }

    /** Exact, case-sensitive: a misspelt element is an error, not a guess. */
    private Optional<IntegrationXmlFormat.Element<C, B>> childNamed(String name) {
        return format.elements().stream().filter(child -> child.name().equals(name)).findFirst();
    }

    private Optional<ElementText> textOf(Element element, IntegrationXmlFormat.Element<C, B> which) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                error(which.field(), "element <" + which.name() + "> must contain text only");
                return Optional.empty();
            }
        }
        return Optional.of(new ElementText(element.getTextContent(), message -> error(which.field(), message)));
    }

    /** A list element: only its items (and whitespace between them), each with exactly the attributes they have. */
    private Optional<ElementText> itemsOf(Element element, IntegrationXmlFormat.Element<C, B> which) {
        IntegrationXmlFormat.ItemList<C> list = which.list();
        String where = "<" + which.name() + ">";
        List<Map<String, String>> items = new ArrayList<>();
        boolean valid = true;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE && child.getNodeName().equals(list.item())) {
                Optional<Map<String, String>> attributes = itemAttributes((Element) child, which);
                attributes.ifPresent(items::add);
                valid &= attributes.isPresent();
            } else if (child.getNodeType() == Node.ELEMENT_NODE
                    || (child.getNodeType() == Node.TEXT_NODE && !child.getNodeValue().isBlank())) {
                error(which.field(), where + " holds only <" + list.item() + "/> elements");
                valid = false;
            }
        }
        return valid ? Optional.of(new ElementText("", message -> error(which.field(), message), items))
                : Optional.empty();
    }

    private Optional<Map<String, String>> itemAttributes(Element item, IntegrationXmlFormat.Element<C, B> which) {
        IntegrationXmlFormat.ItemList<C> list = which.list();
        String where = "<" + list.item() + "> in <" + which.name() + ">";
        if (item.hasChildNodes()) {
            error(which.field(), where + " must be empty (its values are attributes)");
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        NamedNodeMap attributes = item.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (!list.attributes().contains(attribute.getName())) {
                error(which.field(), "unknown attribute " + XmlNodes.printableName(attribute.getName()) + " on "
                        + where);
                return Optional.empty();
            }
            values.put(attribute.getName(), attribute.getValue());
        }
        for (String name : list.attributes()) {
            if (!values.containsKey(name)) {
                error(which.field(), where + " lacks the attribute " + name);
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    /** Runs the builder's rules; reports only what the parsing above has not already said about a field. */
    private Optional<C> build() {
        try {
            C config = builder.build();
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
