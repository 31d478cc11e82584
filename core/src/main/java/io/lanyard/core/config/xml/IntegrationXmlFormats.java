package io.lanyard.core.config.xml;

import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import java.util.List;

/** The file format of each {@link IntegrationKind}: the one list to extend when a kind is added. */
final class IntegrationXmlFormats {

    private static final List<IntegrationXmlFormat<?, ?>> ALL = List.of(ProviderXml.FORMAT, ConnectorXml.FORMAT,
            TokenIssuerXml.FORMAT, CiTrustPolicyXml.FORMAT);

    private IntegrationXmlFormats() {
    }

    @SuppressWarnings("unchecked")
    static <C extends Integration> IntegrationXmlFormat<C, ?> of(IntegrationKind<C> kind) {
        for (IntegrationXmlFormat<?, ?> format : ALL) {
            if (format.kind() == kind) {
                return (IntegrationXmlFormat<C, ?>) format;
            }
        }
        throw new IllegalArgumentException("no file format for " + kind);
    }
}
