package io.lanyard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.core.config.xml.ProviderXml;
import io.lanyard.core.host.HostProduct;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.sandbox.idp.ClientSecretFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": {@code provider.xml} holds {@code USING_ENVIRONMENT_PROPERTY}, the client secret comes
 * from {@code ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDC_<id>_CLIENTSECRET}, and alice logs in through the built-in
 * provider, which checks the client secret. The environment and JVM properties are injected here; the packaged jar
 * with a real environment variable is {@link SandboxClientSecretIT}.
 */
class SandboxClientSecretEndToEndTest {

    @TempDir
    Path home;

    /** A home whose provider.xml says USING_ENVIRONMENT_PROPERTY; returns the built-in provider's id. */
    private String homeWithPlaceholder() throws IOException {
        try (RunningSandbox first = start(SandboxOptions.DEFAULT_PRODUCT, Map.of(), new Properties())) {
            assertThat(first.builtInIssuer()).isPresent();
        }
        IntegrationXmlStore<IdentityProviderConfig> store =
                IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, home.resolve("lanyard"));
        IdentityProviderConfig builtIn = store.load().get(0);
        store.save(new LanyardConfiguration(List.of(builtIn.toBuilder().clientSecret(StoredSecret.external())
                .build())));
        return builtIn.id();
    }

    private String builtInSecret() throws IOException {
        return ClientSecretFile.loadOrCreate(home).reveal();
    }

    private RunningSandbox start(HostProduct product, Map<String, String> environment, Properties properties)
            throws IOException {
        return Sandbox.start(SandboxOptions.onFreePorts(home).as(product), lanyardDirectory ->
                ClientSecretResolver.atStart(environment, properties, properties::remove, product,
                        Optional.of(lanyardDirectory)));
    }

    private static Browser.Page signInAsAlice(RunningSandbox sandbox) throws Exception {
        Browser browser = new Browser();
        return browser.signInAtProvider(browser.open(URI.create(sandbox.baseUrl() + "/pages/secret")), "alice");
    }

    @Test
    void aliceLogsInWithThePerIdEnvironmentVariableWhileProviderXmlHoldsThePlaceholder() throws Exception {
        String id = homeWithPlaceholder();
        String secret = builtInSecret();

        try (RunningSandbox sandbox = start(SandboxOptions.DEFAULT_PRODUCT,
                Map.of(SecretPropertyNames.identityProvider(id), secret), new Properties())) {
            Browser.Page page = signInAsAlice(sandbox);

            assertThat(page.uri()).isEqualTo(URI.create(sandbox.baseUrl() + "/pages/secret"));
            assertThat(page.body()).contains("Logged in as alice");
        }
        String providerXml = Files.readString(home.resolve("lanyard").resolve(ProviderXml.FILE_NAME));
        assertThat(providerXml).contains("<CLIENT_SECRET>USING_ENVIRONMENT_PROPERTY</CLIENT_SECRET>")
                .doesNotContain(secret);
    }

    @Test
    void aWrongValueInTheVariableIsRefusedByTheProviderWithLny302() throws Exception {
        String id = homeWithPlaceholder();

        try (RunningSandbox sandbox = start(SandboxOptions.DEFAULT_PRODUCT,
                Map.of(SecretPropertyNames.identityProvider(id), "not-the-built-in-secret"), new Properties())) {
            Browser.Page page = signInAsAlice(sandbox);

            assertThat(page.status()).isEqualTo(502);
            assertThat(page.body()).contains("LNY-302").doesNotContain("Logged in as alice");
        }
    }

    @Test
    void withoutAnyVariableThePlaceholderIsAConfigurationErrorLny105() throws Exception {
        homeWithPlaceholder();

        try (RunningSandbox sandbox = start(SandboxOptions.DEFAULT_PRODUCT, Map.of(), new Properties())) {
            Browser browser = new Browser();
            Browser.Page page = browser.open(URI.create(sandbox.baseUrl() + "/"));

            assertThat(page.body()).contains("LNY-105");
        }
    }

    @Test
    void theStaticJvmPropertyServesTheBuiltInProviderToo() throws Exception {
        homeWithPlaceholder();
        Properties properties = new Properties();
        properties.setProperty(SecretPropertyNames.IDENTITY_PROVIDER_STATIC, builtInSecret());

        try (RunningSandbox sandbox = start(SandboxOptions.DEFAULT_PRODUCT, Map.of(), properties)) {
            assertThat(signInAsAlice(sandbox).body()).contains("Logged in as alice");
        }
    }

    @Test
    void asBitbucket9ASecuredJvmPropertyIsClearedAndStillWorksOnTheNextStartWithoutIt() throws Exception {
        String id = homeWithPlaceholder();
        String name = SecretPropertyNames.identityProvider(id);
        HostProduct bitbucket = HostProduct.of("bitbucket", "9.4.2");
        Properties firstStart = new Properties();
        firstStart.setProperty(name, builtInSecret());
        firstStart.setProperty("secrets.secured-properties", name);

        try (RunningSandbox sandbox = start(bitbucket, Map.of(), firstStart)) {
            assertThat(firstStart.getProperty(name)).isNull();
            assertThat(signInAsAlice(sandbox).body()).contains("Logged in as alice");
        }
        Properties laterStart = new Properties();
        laterStart.setProperty("secrets.secured-properties", name);

        try (RunningSandbox sandbox = start(bitbucket, Map.of(), laterStart)) {
            assertThat(signInAsAlice(sandbox).body()).contains("Logged in as alice");
        }
        assertThat(Files.readString(home.resolve("lanyard").resolve("secured-properties.properties")))
                .doesNotContain(builtInSecret());
    }

    @Test
    void asJiraTheSecuredPropertiesSettingIsIgnoredAndTheJvmPropertyStays() throws Exception {
        String id = homeWithPlaceholder();
        String name = SecretPropertyNames.identityProvider(id);
        Properties properties = new Properties();
        properties.setProperty(name, builtInSecret());
        properties.setProperty("secrets.secured-properties", name);

        try (RunningSandbox sandbox = start(HostProduct.of("jira", "10.3.0"), Map.of(), properties)) {
            assertThat(signInAsAlice(sandbox).body()).contains("Logged in as alice");
        }
        assertThat(properties.getProperty(name)).isNotNull();
        assertThat(home.resolve("lanyard").resolve("secured-properties.properties")).doesNotExist();
    }
}
