package io.lanyard.core.config.xml;

import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.NationalCloud;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Connectors and {@code connector.xml} texts for the store's tests. */
final class ConnectorXmlFixtures {

    static final String PLAINTEXT_SECRET = "c0nnector-Secret~Value.42";
    static final String TENANT = "0a1b2c3d-4e5f-6789-abcd-ef0123456789";
    static final String CLIENT = "11111111-2222-3333-4444-555555555555";

    private ConnectorXmlFixtures() {
    }

    /** Every field differs from its default; the secret is plaintext. */
    static EntraConnectorConfig everyFieldSet() {
        return EntraConnectorConfig.builder()
                .id("wdlfqm6se9un")
                .displayName("Contoso <directory> & \"friends\" ✓")
                .enabled(false)
                .tenantId("contoso.onmicrosoft.com")
                .clientId(CLIENT)
                .clientSecret(StoredSecret.plaintext(Secret.of(PLAINTEXT_SECRET)))
                .nationalCloud(NationalCloud.US_GOV)
                .graphBaseUrl("https://dod-graph.microsoft.us")
                .build();
    }

    static EntraConnectorConfig requiredOnly(String id) {
        return EntraConnectorConfig.builder().id(id).displayName("Entra").tenantId(TENANT).clientId(CLIENT).build();
    }

    static String document(String... connectors) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lanyard-connectors version=\"1\">\n"
                + String.join("\n", connectors) + "\n</lanyard-connectors>\n";
    }

    /** A valid connector with the required elements and the given extra ones. */
    static String connector(String id, String... extraElements) {
        return "<connector id=\"" + id + "\">\n"
                + "  <DISPLAY_NAME>Entra</DISPLAY_NAME>\n"
                + "  <TENANT_ID>" + TENANT + "</TENANT_ID>\n"
                + "  <CLIENT_ID>" + CLIENT + "</CLIENT_ID>\n"
                + String.join("\n", extraElements) + "\n</connector>";
    }

    static Path writeFile(Path directory, String content) {
        try {
            return Files.writeString(directory.resolve(ConnectorXml.FILE_NAME), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
