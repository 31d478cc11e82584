package io.lanyard.core.config.xml;

import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.EntraConnectorConfigBuilder;
import io.lanyard.core.config.NationalCloud;
import io.lanyard.core.secret.StoredSecret;

/** Reads one {@code <connector>} element into {@link EntraConnectorConfigBuilder}, whose rules decide what is valid. */
final class ConnectorElementReader extends ConfigElementReader<ConnectorElement, EntraConnectorConfig> {

    private final EntraConnectorConfigBuilder builder = EntraConnectorConfig.builder();

    /** @param prefix put before each field in errors, e.g. {@code connectors[<id>]} */
    ConnectorElementReader(String prefix) {
        super(ConnectorElement.class, ConnectorXmlReader.CONNECTOR, prefix);
    }

    @Override
    void id(String id) {
        builder.id(id);
    }

    @Override
    void enabled(boolean enabled) {
        builder.enabled(enabled);
    }

    @Override
    EntraConnectorConfig buildConfiguration() {
        return builder.build();
    }

    @Override
    void apply(ConnectorElement element, String text) {
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
}
