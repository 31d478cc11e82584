package io.lanyard.core.config.xml;


/**
 * The child elements of a {@code <connector>} in {@code connector.xml}, in the order the writer writes them, each
 * with the name {@code EntraConnectorConfigBuilder} gives the same field (used in {@code FieldError}s).
 */
enum ConnectorElement implements ConfigElementReader.ChildElement {
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

    @Override
    public String field() {
        return field;
    }

    @Override
    public boolean required() {
        return required;
    }
}
