package io.lanyard.core.secret.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.host.HostProduct;
import io.lanyard.core.secret.ResolvedSecret;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.core.secret.SecretSource;
import io.lanyard.core.secret.SecretStatus;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The resolver as assembled at start, with the secured-properties setting on different hosts. */
class ClientSecretResolverAtStartTest {

    private static final String IDP_ID = "GOxXFuPXJgiyAwuXugVG";
    private static final String IDP_NAME = SecretPropertyNames.identityProvider(IDP_ID);
    private static final String CONNECTOR_NAME = SecretPropertyNames.connector("wdlfqm6se9un");
    private static final HostProduct BITBUCKET_9 = HostProduct.of("bitbucket", "9.4.2");

    @TempDir
    Path directory;

    private final Map<String, String> environment = new HashMap<>();
    private final Properties properties = new Properties();

    private ClientSecretResolver start(HostProduct host) {
        return ClientSecretResolver.atStart(environment, properties, properties::remove, host, Optional.of(directory));
    }

    private static ResolvedSecret resolveIdp(ClientSecretResolver resolver) {
        return resolver.resolve(SecretOwner.identityProvider(IDP_ID), StoredSecret.external());
    }

    private List<String> filesInDirectory() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void withoutTheSettingOnlyEnvironmentAndJvmPropertiesAreUsed() throws IOException {
        properties.setProperty(IDP_NAME, "from-jvm");

        ResolvedSecret resolved = resolveIdp(start(BITBUCKET_9));

        assertThat(resolved.source()).isEqualTo(SecretSource.SYSTEM_PROPERTY);
        assertThat(properties.getProperty(IDP_NAME)).isEqualTo("from-jvm");
        assertThat(filesInDirectory()).isEmpty();
    }

    @Test
    void onBitbucket9TheJvmPropertyIsClearedStoredAndReportedAsSecured() {
        properties.setProperty(IDP_NAME, "from-jvm");
        properties.setProperty("secrets.secured-properties", "jdbc.password, " + IDP_NAME);

        ResolvedSecret first = resolveIdp(start(BITBUCKET_9));

        assertThat(properties.getProperty(IDP_NAME)).isNull();
        assertThat(first.source()).isEqualTo(SecretSource.SECURED_PROPERTY);
        assertThat(first.secret()).contains(Secret.of("from-jvm"));

        ResolvedSecret later = resolveIdp(start(BITBUCKET_9));

        assertThat(later.source()).isEqualTo(SecretSource.SECURED_PROPERTY);
        assertThat(later.secret()).contains(Secret.of("from-jvm"));
        assertThat(SecretStatus.of(SecretOwner.identityProvider(IDP_ID), later,
                ClientSecretResolver.namesInOrder(SecretOwner.identityProvider(IDP_ID))).label())
                .isEqualTo("Encrypted (secured property)");
    }

    @Test
    void onBitbucket9AnEnvironmentVariableIsReportedAsSuchUntilStartedWithoutIt() {
        environment.put(CONNECTOR_NAME, "from-env");
        properties.setProperty("secrets.secured-properties", CONNECTOR_NAME);

        ResolvedSecret first = start(BITBUCKET_9).resolve(SecretOwner.connector("wdlfqm6se9un"),
                StoredSecret.external());
        assertThat(first.source()).isEqualTo(SecretSource.ENVIRONMENT_VARIABLE);

        environment.clear();
        ResolvedSecret later = start(BITBUCKET_9).resolve(SecretOwner.connector("wdlfqm6se9un"),
                StoredSecret.external());

        assertThat(later.source()).isEqualTo(SecretSource.SECURED_PROPERTY);
        assertThat(later.secret()).contains(Secret.of("from-env"));
    }

    @Test
    void onBitbucket9AFailingStoreLeavesTheGivenValueUsableForThisStart() throws IOException {
        Files.createDirectories(directory.resolve("secured-properties.properties"));
        properties.setProperty(IDP_NAME, "from-jvm");
        properties.setProperty("secrets.secured-properties", IDP_NAME);

        ResolvedSecret resolved = resolveIdp(start(BITBUCKET_9));

        assertThat(properties.getProperty(IDP_NAME)).isNull();
        assertThat(resolved.source()).isEqualTo(SecretSource.SYSTEM_PROPERTY);
        assertThat(resolved.secret()).contains(Secret.of("from-jvm"));

        ResolvedSecret later = resolveIdp(start(BITBUCKET_9));

        assertThat(later.problem().orElseThrow().errorCode()).isEqualTo(ErrorCode.SECURED_PROPERTY_UNREADABLE);
    }

    @ParameterizedTest
    @CsvSource({"jira, 10.3.0", "conf, 9.2.1", "bamboo, 10.2.0", "bitbucket, 8.19.5", "bitbucket, 8.9.0",
            "bitbucket, unknown"})
    void onOtherHostsTheSettingIsIgnoredWithExactlyOneLogLine(String platformId, String version) throws IOException {
        properties.setProperty(IDP_NAME, "from-jvm");
        properties.setProperty("secrets.secured-properties", IDP_NAME);
        ClientSecretResolver resolver;

        try (LogCapture log = LogCapture.start()) {
            resolver = start(HostProduct.of(platformId, version));

            List<ILoggingEvent> events = log.events();
            assertThat(events).hasSize(1);
            assertThat(events.get(0).getLevel()).isEqualTo(Level.WARN);
            assertThat(events.get(0).getFormattedMessage())
                    .startsWith("secrets.secured-properties is set but Lanyard ignores it: ")
                    .contains(version);
        }
        assertThat(properties.getProperty(IDP_NAME)).isEqualTo("from-jvm");
        assertThat(resolveIdp(resolver).source()).isEqualTo(SecretSource.SYSTEM_PROPERTY);
        assertThat(filesInDirectory()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"bitbucket, 9.0.0", "bitbucket, 9", "bitbucket, 10.2.1", "bitbucket, 9.4.0-rc1"})
    void bitbucket9AndLaterAreSupported(String platformId, String version) {
        properties.setProperty(IDP_NAME, "from-jvm");
        properties.setProperty("secrets.secured-properties", IDP_NAME);

        assertThat(resolveIdp(start(HostProduct.of(platformId, version))).source())
                .isEqualTo(SecretSource.SECURED_PROPERTY);
    }

    @Test
    void settingWithoutNamesOfOursTouchesNothing() throws IOException {
        properties.setProperty("jdbc.password", "bitbuckets-own");
        properties.setProperty("secrets.secured-properties", "jdbc.password");

        start(BITBUCKET_9);

        assertThat(properties.getProperty("jdbc.password")).isEqualTo("bitbuckets-own");
        assertThat(filesInDirectory()).isEmpty();
    }

    @Test
    void namesNotListedStayPlainJvmProperties() {
        properties.setProperty(IDP_NAME, "from-jvm");
        properties.setProperty(CONNECTOR_NAME, "connector-from-jvm");
        properties.setProperty("secrets.secured-properties", CONNECTOR_NAME);

        ClientSecretResolver resolver = start(BITBUCKET_9);

        assertThat(properties.getProperty(IDP_NAME)).isEqualTo("from-jvm");
        assertThat(resolveIdp(resolver).source()).isEqualTo(SecretSource.SYSTEM_PROPERTY);
    }

    @Test
    void unrelatedEnvironmentAndPropertiesAreNotKept() {
        environment.put("PATH", "/usr/bin");
        properties.setProperty("user.name", "someone");

        assertThat(start(BITBUCKET_9).toString()).contains("0 environment variable(s)", "0 system propert(ies)");
    }

    /** Moved from the plugin's lifecycle test: the products and the sandbox now share this start. */
    @Test
    void secretsComeFromOutsideAndTheFileWhenThereIsAFolder() {
        environment.put(IDP_NAME, "from-env");

        assertThat(resolveIdp(start(HostProduct.of("jira", "10.3.1"))).source())
                .isEqualTo(SecretSource.ENVIRONMENT_VARIABLE);
        ClientSecretResolver withoutFolder = ClientSecretResolver.atStart(environment, properties, properties::remove,
                HostProduct.of("jira", "10.3.1"), Optional.empty());
        assertThat(withoutFolder.resolve(SecretOwner.identityProvider(IDP_ID),
                StoredSecret.plaintext(Secret.of("in-xml")))
                .source()).isEqualTo(SecretSource.CONFIGURATION_FILE);
        assertThat(resolveIdp(withoutFolder).problem().orElseThrow().errorCode())
                .isEqualTo(ErrorCode.CLIENT_SECRET_MISSING);
    }

    /** The fallback the sandbox used to skip: a failure reading the outside sources never stops the host's start. */
    @Test
    void aFailureReadingTheOutsideSourcesLeavesTheFilesSecretsAndSaysSo() {
        environment.put(IDP_NAME, "from-env");
        properties.setProperty("secrets.secured-properties", IDP_NAME);
        HostProduct unreadable = new HostProduct() {
            @Override
            public String platformId() {
                throw new IllegalStateException("the application cannot say which it is");
            }

            @Override
            public String version() {
                throw new IllegalStateException("the application cannot say which it is");
            }
        };
        ClientSecretResolver resolver;

        try (LogCapture log = LogCapture.start()) {
            resolver = start(unreadable);

            assertThat(log.events()).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.ERROR);
                assertThat(event.getFormattedMessage()).startsWith(ErrorCode.INTERNAL_ERROR.code());
            });
        }
        assertThat(resolver.resolve(SecretOwner.identityProvider(IDP_ID), StoredSecret.plaintext(Secret.of("in-xml")))
                .source()).isEqualTo(SecretSource.CONFIGURATION_FILE);
    }
}
