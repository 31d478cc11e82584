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

    private static final String NEXT_ENV_SECRET = "nextEnvSecret-P4o2i9";
    private static final String NEXT_FILE_SECRET = "nextFileSecret-L5k3j1";

    /**
     * The same for everything issue 18 added: next secrets from every source, a rotation at a provider (one secret
     * refused, both refused), Lanyard's signing keys (no part of the private key in any line, page or file but the key
     * file itself), the nodes' reports, the store's key rotation, and Graph's answers when they quote a secret back.
     */
    @Test
    void rotationSigningKeysNodesAndTheStoresKeyLogNoSecretAndNoPrivateKey() throws Exception {
        List<String> lines;
        List<String> privateParts;
        try (LogCapture log = LogCapture.start()) {
            rotateAtAProvider();
            privateParts = useSigningKeys();
            reportNodesAndRotateTheStoresKey();
            lines = log.lines();
        }
        List<String> secrets = List.of(ENV_SECRET, JVM_SECRET, FILE_SECRET, NEXT_ENV_SECRET, NEXT_FILE_SECRET);
        assertThat(lines).as("the scenarios must have logged something to check")
                .anyMatch(l -> l.contains("Finish the rotation"))
                .anyMatch(l -> l.contains("refused both client secrets"))
                .anyMatch(l -> l.contains("Created Lanyard's signing key"))
                .anyMatch(l -> l.contains("Re-encrypted"));
        for (String line : lines) {
            for (String secret : secrets) {
                assertThat(line).doesNotContain(secret);
            }
            for (String part : privateParts) {
                assertThat(line).doesNotContain(part);
            }
        }
        for (Object value : seen) {
            for (String part : privateParts) {
                assertThat(String.valueOf(value)).as(value.getClass().getSimpleName()).doesNotContain(part);
            }
            for (String secret : secrets) {
                assertThat(String.valueOf(value)).as(value.getClass().getSimpleName()).doesNotContain(secret);
            }
        }
        try (var files = java.nio.file.Files.walk(directory)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertThat(text).as(file.toString()).doesNotContain(secret);
                }
                if (!file.getFileName().toString().equals("signing-keys.json")) {
                    for (String part : privateParts) {
                        assertThat(text).as(file.toString()).doesNotContain(part);
                    }
                }
            }
        }
    }

    /** A provider that accepts only the next secret, then neither. */
    private void rotateAtAProvider() {
        io.lanyard.core.testing.MutableClock clock = new io.lanyard.core.testing.MutableClock();
        try (io.lanyard.core.testing.FakeProvider provider = io.lanyard.core.testing.FakeProvider.start(clock)) {
            provider.acceptedSecrets = java.util.Set.of(NEXT_ENV_SECRET);
            ClientSecretResolver resolver = new ClientSecretResolver(
                    Map.of(SecretPropertyNames.next(IDP_NAME), NEXT_ENV_SECRET), Map.of(IDP_NAME, JVM_SECRET),
                    SecuredPropertyValues.none());
            io.lanyard.core.config.IdentityProviderConfig config = io.lanyard.core.config.IdentityProviderConfig.builder()
                    .id(IDP_ID).displayName("Fake").discoveryUrl(provider.discoveryUrl().toString())
                    .clientId(io.lanyard.core.testing.FakeProvider.CLIENT_ID)
                    .clientSecret(StoredSecret.external()).nextClientSecret(StoredSecret.plaintext(Secret.of(
                            NEXT_FILE_SECRET))).build();
            io.lanyard.core.login.LoginService service = io.lanyard.core.login.LoginService.create(
                    new io.lanyard.core.config.ConfigurationHolder(new io.lanyard.core.config.LanyardConfiguration(
                            List.of(config))), resolver, io.lanyard.core.testing.InMemoryUsers.standard(),
                    () -> java.net.URI.create("https://jira.example.com"), clock);
            keep(logIn(service, provider));
            provider.acceptedSecrets = java.util.Set.of("neither-of-ours");
            keep(logIn(service, provider));
            keep(resolver.resolveBoth(SecretOwner.identityProvider(IDP_ID), StoredSecret.external(),
                    StoredSecret.plaintext(Secret.of(NEXT_FILE_SECRET))));
            keep(resolver.rotation().acceptedByOwner());
        }
    }

    private static Object logIn(io.lanyard.core.login.LoginService service,
            io.lanyard.core.testing.FakeProvider provider) {
        io.lanyard.core.login.LoginRedirect redirect = service.startLogin(IDP_ID, "/");
        String code = provider.authorize(redirect.authorizationUri(), "alice", Map.of());
        try {
            return service.completeLogin(IDP_ID, redirect.pendingLogin(), io.lanyard.core.login.AuthorizationResponse
                    .of(redirect.pendingLogin().state(), code, provider.issuer(), null, null));
        } catch (io.lanyard.core.error.LanyardException refused) {
            return refused;
        }
    }

    /** Keys made, rotated, described and used; returns every private component's text. */
    @SuppressWarnings("unchecked")
    private List<String> useSigningKeys() throws Exception {
        io.lanyard.core.signing.SigningKeys keys = io.lanyard.core.signing.SigningKeys.in(directory, "Lanyard test",
                java.time.Clock.systemUTC());
        keep(keys.publicJwks());
        keep(keys.publishNext());
        keep(keys.activateNext());
        keep(keys.describe());
        keep(keys.clientAssertion("client", java.net.URI.create("https://idp.example.com/token")));
        List<String> parts = new ArrayList<>();
        for (Object entry : com.nimbusds.jose.util.JSONObjectUtils.getJSONObjectArray(
                com.nimbusds.jose.util.JSONObjectUtils.parse(java.nio.file.Files.readString(
                        directory.resolve("signing-keys.json"))), "keys")) {
            com.nimbusds.jose.jwk.RSAKey key = com.nimbusds.jose.jwk.RSAKey.parse(
                    com.nimbusds.jose.util.JSONObjectUtils.getJSONObject((Map<String, Object>) entry, "jwk"));
            parts.add(key.getPrivateExponent().toString());
            parts.add(key.getFirstPrimeFactor().toString());
            parts.add(key.getSecondPrimeFactor().toString());
            parts.add(java.util.Base64.getEncoder().encodeToString(key.toPrivateKey().getEncoded()).substring(0, 64));
        }
        assertThat(keys.publicJwks()).doesNotContain(parts.get(0));
        return parts;
    }

    /** Two nodes report, the store's key is rotated and finished. */
    private void reportNodesAndRotateTheStoresKey() {
        Properties properties = new Properties();
        properties.setProperty(IDP_NAME, JVM_SECRET);
        properties.setProperty(SecretPropertyNames.next(IDP_NAME), NEXT_FILE_SECRET);
        properties.setProperty("secrets.secured-properties", IDP_NAME + "," + SecretPropertyNames.next(IDP_NAME));
        ClientSecretResolver resolver = ClientSecretResolver.atStart(Map.of(), properties, properties::remove, BITBUCKET,
                Optional.of(directory));
        io.lanyard.core.config.LanyardConfiguration configuration = new io.lanyard.core.config.LanyardConfiguration(
                List.of(io.lanyard.core.config.IdentityProviderConfig.builder().id(IDP_ID).displayName("X")
                        .discoveryUrl("https://idp.example.com").clientId("c").clientSecret(StoredSecret.external())
                        .nextClientSecret(StoredSecret.external()).build()));
        io.lanyard.core.nodes.NodeReports reports = new io.lanyard.core.nodes.NodeReports(directory);
        keep(new io.lanyard.core.nodes.NodeReporter("node-a", reports, resolver, java.time.Clock.systemUTC())
                .report(configuration));
        keep(resolver.securedStoreKeys().startRotation());
        keep(new io.lanyard.core.nodes.NodeReporter("node-a", reports, resolver, java.time.Clock.systemUTC())
                .report(configuration));
        keep(reports.readAll());
        keep(resolver.securedStoreKeys().finishRotation(Map.of("node-a",
                Optional.of(resolver.securedStoreKeys().confirm()))));
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
