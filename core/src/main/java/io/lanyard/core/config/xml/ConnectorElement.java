package io.lanyard.core.config.xml;

import java.util.Optional;

/**
 * The child elements of a {@code <connector>} in {@code connector.xml}, in the order the writer writes them, each
 * with the name {@code EntraConnectorConfigBuilder} gives the same field (used in {@code FieldError}s).
 */
enum ConnectorElement {
    DISPLAY_NAME("displayName", true),
    TENANT_ID("tenantId", true),
    CLIENT_ID("clientId", true),
    CLIENT_SECRET("clientSecret", false),
    NATIONAL_CLOUD("nationalCloud", false),
    GRAPH_BASE_URL("graphBaseUrl", false);

    private final String field;
    private final boolean required;

    ConnectorElement(String field, boolean required) {
        this.field = field;
        this.required = required;
    }

    String field() {
        return field;
    }

    boolean required() {
        return required;
    }

    /** Exact, case-sensitive: a misspelt element is an error, not a guess. */
    static Optional<ConnectorElement> forElementName(String name) {
        for (ConnectorElement element : values()) {
            if (element.name().equals(name)) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }
}
