package io.lanyard.core.config.xml;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.EntraConnectorConfigBuilder;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.NationalCloud;
import io.lanyard.core.secret.StoredSecret;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Reads one {@code <connector>} element. It only turns text into typed values; every rule about the values is
 * {@link EntraConnectorConfigBuilder}'s, so the file and the admin UI can never disagree. Values are never quoted
 * in errors: a secret may have been pasted into the wrong element.
 */
final class ConnectorElementReader {

    static final String ID_ATTRIBUTE = "id";
    static final String ENABLED_ATTRIBUTE = "enabled";

    private static final Pattern WELL_FORMED_ID = Pattern.compile("[a-z0-9]{12}");

    private final String prefix;
    private final List<FieldError> errors = new ArrayList<>();
    private final Set<String> fieldsWithErrors = new HashSet<>();
    private final EntraConnectorConfigBuilder builder = EntraConnectorConfig.builder();

    private ConnectorElementReader(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Adds this connector's errors, each field prefixed with {@code connectors[<id>]} (or {@code connectors[#<n>]}
     * when the id is missing or malformed), to {@code allErrors}.
     */
    static Optional<EntraConnectorConfig> read(Element connector, int position, List<FieldError> allErrors) {
        String id = connector.hasAttribute(ID_ATTRIBUTE) ? connector.getAttribute(ID_ATTRIBUTE) : null;
        String label = id != null && isWellFormedId(id) ? id : "#" + position;
        ConnectorElementReader reader = new ConnectorElementReader("connectors[" + label + "]");
        Optional<EntraConnectorConfig> config = reader.read(connector, id);
        allErrors.addAll(reader.errors);
        return config;
    }

    static boolean isWellFormedId(String id) {
        return WELL_FORMED_ID.matcher(id).matches();
    }

    private Optional<EntraConnectorConfig> read(Element connector, String id) {
        readAttributes(connector, id);
        Map<ConnectorElement, String> values = readChildren(connector);
        for (ConnectorElement element : ConnectorElement.values()) {
            if (element.required() && !values.containsKey(element) && !fieldsWithErrors.contains(element.field())) {
                error(element.field(), "element <" + element.name() + "> is missing");
            }
        }
        values.forEach(this::apply);
        return build();
    }

    private void readAttributes(Element connector, String id) {
        if (id == null) {
            error(ID_ATTRIBUTE, "attribute id is missing");
        }
        builder.id(id);
        NamedNodeMap attributes = connector.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getName();
            if (name.equals(ENABLED_ATTRIBUTE)) {
                parseBoolean(attribute.getValue()).ifPresent(builder::enabled);
            } else if (!name.equals(ID_ATTRIBUTE)) {
                error(null, "unknown attribute " + XmlNodes.printableName(name) + " on <connector>");
            }
        }
    }

    private Map<ConnectorElement, String> readChildren(Element connector) {
        Map<ConnectorElement, String> values = new EnumMap<>(ConnectorElement.class);
        for (Node node = connector.getFirstChild(); node != null; node = node.getNextSibling()) {
            Optional<ConnectorElement> known = node.getNodeType() == Node.ELEMENT_NODE
                    ? ConnectorElement.forElementName(node.getNodeName()) : Optional.empty();
            if (known.isEmpty()) {
                XmlNodes.unexpectedNode(node, prefix, ConnectorXmlReader.CONNECTOR).ifPresent(errors::add);
            } else if (values.containsKey(known.get())) {
                error(known.get().field(), "element <" + known.get().name() + "> appears more than once");
            } else {
                textOf((Element) node, known.get()).ifPresent(text -> values.put(known.get(), text));
            }
        }
        return values;
    }

    private Optional<String> textOf(Element element, ConnectorElement which) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                error(which.field(), "element <" + which.name() + "> must contain text only");
                return Optional.empty();
            }
        }
        return Optional.of(element.getTextContent());
    }

    private void apply(ConnectorElement element, String text) {
        String value = text.strip();
        switch (element) {
            case DISPLAY_NAME -> builder.displayName(value);
            case TENANT_ID -> builder.tenantId(value);
            case CLIENT_ID -> builder.clientId(value);
            case CLIENT_SECRET -> builder.clientSecret(StoredSecret.fromXmlText(text));
            case NATIONAL_CLOUD -> {
                if (!value.isEmpty()) {
                    NationalCloud.fromName(value).ifPresentOrElse(builder::nationalCloud,
                            () -> error(element.field(), "must be GLOBAL, US_GOV or CHINA"));
                }
            }
            case GRAPH_BASE_URL -> builder.graphBaseUrl(value.isEmpty() ? null : value);
            default -> throw new IllegalStateException("element without a reader: " + element);
        }
    }

    private Optional<Boolean> parseBoolean(String value) {
        String stripped = value.strip();
        if (stripped.equals("true") || stripped.equals("false")) {
            return Optional.of(Boolean.valueOf(stripped));
        }
        error(ENABLED_ATTRIBUTE, "must be true or false");
        return Optional.empty();
    }

    /** Runs the builder's rules; reports only what the parsing above has not already said about a field. */
    private Optional<EntraConnectorConfig> build() {
        try {
            EntraConnectorConfig config = builder.build();
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

    /** @param field the builder's field name, or null for the connector as a whole */
    private void error(String field, String message) {
        if (field != null) {
            fieldsWithErrors.add(field);
        }
        errors.add(new FieldError(field == null ? prefix : prefix + "." + field, message));
    }
}
