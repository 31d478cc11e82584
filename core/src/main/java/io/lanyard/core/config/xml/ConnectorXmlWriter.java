package io.lanyard.core.config.xml;

import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes {@code connector.xml}: every element of every connector, in {@link ConnectorElement} order, so that a file
 * written by Lanyard documents itself. The input is validated already; this class checks only what XML cannot hold.
 */
final class ConnectorXmlWriter {

    private static final String INDENT = "  ";

    private final StringBuilder out = new StringBuilder(1024);

    private ConnectorXmlWriter() {
    }

    /**
     * @throws LanyardException with {@link ErrorCode#CONFIG_WRITE_FAILED} if a value cannot be written as XML
     */
    static byte[] write(List<EntraConnectorConfig> connectors) {
        ConnectorXmlWriter writer = new ConnectorXmlWriter();
        writer.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        writer.out.append('<').append(ConnectorXmlReader.ROOT).append(' ')
                .append(ConnectorXmlReader.VERSION_ATTRIBUTE).append("=\"").append(ConnectorXmlReader.VERSION)
                .append("\">\n");
        connectors.forEach(writer::connector);
        writer.out.append("</").append(ConnectorXmlReader.ROOT).append(">\n");
        return writer.out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void connector(EntraConnectorConfig c) {
        // The id is 12 lower-case letters and digits by construction: nothing to escape.
        out.append(INDENT).append('<').append(ConnectorXmlReader.CONNECTOR)
                .append(' ').append(ConfigElementReader.ID_ATTRIBUTE).append("=\"").append(c.id())
                .append("\" ").append(ConfigElementReader.ENABLED_ATTRIBUTE).append("=\"").append(c.enabled())
                .append("\">\n");
        element(c, ConnectorElement.DISPLAY_NAME, c.displayName());
        element(c, ConnectorElement.TENANT_ID, c.tenantId());
        element(c, ConnectorElement.CLIENT_ID, c.clientId());
        element(c, ConnectorElement.CLIENT_SECRET, c.clientSecret().toXmlText());
        element(c, ConnectorElement.NATIONAL_CLOUD, c.nationalCloud().name());
        element(c, ConnectorElement.GRAPH_BASE_URL, c.graphBaseUrl().map(URI::toString).orElse(""));
        out.append(INDENT).append("</").append(ConnectorXmlReader.CONNECTOR).append(">\n");
    }

    private void element(EntraConnectorConfig c, ConnectorElement element, String value) {
        if (!XmlEscaper.isRepresentable(value)) {
            // Names the connector and the element, never the value: it may be the secret.
            throw new LanyardException(ErrorCode.CONFIG_WRITE_FAILED, "cannot write Entra ID connector " + c.id()
                    + ": <" + element.name() + "> contains a character that XML 1.0 cannot hold");
        }
        out.append(INDENT).append(INDENT).append('<').append(element.name()).append('>')
                .append(XmlEscaper.text(value))
                .append("</").append(element.name()).append(">\n");
    }
}
