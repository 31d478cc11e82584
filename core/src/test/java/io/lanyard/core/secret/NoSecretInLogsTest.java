package io.lanyard.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.change.ClientSecretAdministration;
import io.lanyard.core.host.HostProduct;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.secret.secured.SecuredPropertyValues;
import io.lanyard.core.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "never logged, never in an exception message": every value given here is looked for in every log line (message,
 * arguments and stack traces) written while secrets are resolved, stored, and fail, and in every {@code toString}.
 */
class NoSecretInLogsTest {

    private static final String IDP_ID = "GOxXFuPXJgiyAwuXugVG";
    private static final String CONNECTOR_ID = "wdlfqm6se9un";
    private static final String IDP_NAME = SecretPropertyNames.identityProvider(IDP_ID);
    private static final String CONNECTOR_NAME = SecretPropertyNames.connector(CONNECTOR_ID);
    private static final HostProduct BITBUCKET = HostProduct.of("bitbucket", "9.4.2");

    private static final String ENV_SECRET = "envSecret-Q7w9e1";
    private static final String JVM_SECRET = "jvmSecret-Z3x5c8";
    private static final String STATIC_SECRET = "staticSecret-M2n4b6";
    private static final String FILE_SECRET = "fileSecret-K8j6h4";
    private static final List<String> ALL = List.of(ENV_SECRET, JVM_SECRET, STATIC_SECRET, FILE_SECRET);

    @TempDir
    Path directory;

    private final List<Object> seen = new ArrayList<>();

    @Test
    void resolutionStorageAndFailuresLogNames() throws IOException {
        List<String> lines;
        try (LogCapture log = LogCapture.start()) {
            resolveEverySource();
            storeAndReadSecuredProperties();
            failSecuredProperties();
            lines = log.lines();
        }

        assertThat(lines).as("the scenarios must have logged something to check")
                .anyMatch(l -> l.contains("Stored " + IDP_NAME))
                .anyMatch(l -> l.contains("from the environment variable " + CONNECTOR_NAME))
                .anyMatch(l -> l.contains("LNY-105"))
                .anyMatch(l -> l.contains("LNY-107"))
                .anyMatch(l -> l.contains("cannot be used"));
        for (String line : lines) {
            for (String secret : ALL) {
                assertThat(line).doesNotContain(secret);
            }
        }
        for (Object value : seen) {
            for (String secret : ALL) {
                assertThat(String.valueOf(value)).as(value.getClass().getSimpleName()).doesNotContain(secret);
            }
        }
    }

    private void resolveEverySource() {
        ClientSecretResolver resolver = new ClientSecretResolver(
                Map.of(CONNECTOR_NAME, ENV_SECRET, SecretPropertyNames.IDENTITY_PROVIDER_STATIC, STATIC_SECRET),
                Map.of(IDP_NAME, JVM_SECRET), SecuredPropertyValues.none());
        StoredSecret file = StoredSecret.plaintext(Secret.of(FILE_SECRET));
        keep(resolver);
        keep(resolver.resolve(SecretOwner.identityProvider(IDP_ID), file));
        keep(resolver.resolve(SecretOwner.identityProvider("other"), file));
        keep(resolver.resolve(SecretOwner.connector(CONNECTOR_ID), file));
        keep(resolver.resolve(SecretOwner.connector("other1234567"), file));
        keep(resolver.resolve(SecretOwner.connector("other1234567"), StoredSecret.external()));
        keep(resolver.resolve(SecretOwner.connector("other1234567"), StoredSecret.none()));
        EntraConnectorConfig connector = EntraConnectorConfig.builder().id(CONNECTOR_ID).displayName("Contoso")
                .tenantId("contoso.onmicrosoft.com").clientId("11111111-2222-3333-4444-555555555555")
                .clientSecret(file).build();
        SecretStatus status = keep(ClientSecretAdministration.status(connector, resolver));
        keep(ClientSecretAdministration.forStorage(connector, status));
        keep(file);
    }

    private void storeAndReadSecuredProperties() {
        Properties properties = new Properties();
        properties.setProperty(IDP_NAME, JVM_SECRET);
        properties.setProperty("secrets.secured-properties", IDP_NAME + "," + CONNECTOR_NAME);
        Map<String, String> environment = new HashMap<>(Map.of(CONNECTOR_NAME, ENV_SECRET));

        keep(resolveBoth(ClientSecretResolver.atStart(environment, properties, properties::remove, BITBUCKET,
                Optional.of(directory))));
        keep(resolveBoth(ClientSecretResolver.atStart(Map.of(), new Properties(), name -> { }, BITBUCKET,
                Optional.of(directory))));
    }

    private void failSecuredProperties() throws IOException {
        Path store = directory.resolve("secured-properties.properties");
        String text = Files.readString(store);
        // Tamper with one value, then lose the key.
        int valueStart = text.indexOf(IDP_NAME + "=") + IDP_NAME.length() + 1;
        Files.writeString(store, text.substring(0, valueStart) + "A" + text.substring(valueStart + 1));
        Properties setting = new Properties();
        setting.setProperty("secrets.secured-properties", IDP_NAME + "," + CONNECTOR_NAME);
        keep(resolveBoth(ClientSecretResolver.atStart(Map.of(), setting, name -> { }, BITBUCKET,
                Optional.of(directory))));

        Files.delete(directory.resolve("secured-properties.key"));
        Properties fresh = new Properties();
        fresh.putAll(setting);
        fresh.setProperty(IDP_NAME, JVM_SECRET);
        keep(resolveBoth(ClientSecretResolver.atStart(Map.of(), fresh, fresh::remove, BITBUCKET,
                Optional.of(directory))));
    }

    private List<ResolvedSecret> resolveBoth(ClientSecretResolver resolver) {
        keep(resolver);
        return List.of(
                resolver.resolve(SecretOwner.identityProvider(IDP_ID), StoredSecret.external()),
                resolver.resolve(SecretOwner.connector(CONNECTOR_ID), StoredSecret.external()));
    }

    private <T> T keep(T value) {
        seen.add(value);
        return value;
    }
}
