package io.lanyard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.sandbox.idp.ClientSecretFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As a person would do it: {@code ORG_KANTEGA_ATLASKERB_IDENTITYPROVIDERS_OIDC_<id>_CLIENTSECRET=… java -jar
 * target/lanyard-sandbox.jar …} with {@code USING_ENVIRONMENT_PROPERTY} in {@code provider.xml}, through the
 * process's real environment.
 */
class SandboxClientSecretIT {

    private static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "lanyard-sandbox.jar");

    @Test
    void theJarStartedWithTheSecretInARealEnvironmentVariableLogsAliceIn(@TempDir Path home) throws Exception {
        String id = homeWithPlaceholder(home);
        int providerPort = SandboxMainIT.freePort();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "--port", String.valueOf(SandboxMainIT.freePort()), "--idp-port", String.valueOf(providerPort),
                "--home", home.toString(), "--sign-in-demo", "off").redirectErrorStream(true);
        builder.environment().keySet().removeIf(SecretPropertyNames::isOurs);
        builder.environment().put(SecretPropertyNames.identityProvider(id), ClientSecretFile.loadOrCreate(home).reveal());
        assertThat(JAR).as("run mvn package first").exists();

        Process process = builder.start();
        try {
            URI open = SandboxMainIT.waitForOpenLine(process);
            Browser browser = new Browser();
            Browser.Page page = browser.signInAtProvider(browser.open(open.resolve("/pages/from-env")), "alice");

            assertThat(page.uri()).isEqualTo(open.resolve("/pages/from-env"));
            assertThat(page.body()).contains("Logged in as alice");
        } finally {
            process.destroy();
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
    }

    /** A first start writes provider.xml with the built-in provider; then its secret is replaced by the placeholder. */
    private static String homeWithPlaceholder(Path home) throws IOException {
        try (RunningSandbox first = Sandbox.start(SandboxOptions.onFreePorts(home))) {
            assertThat(first.builtInIssuer()).isPresent();
        }
        IntegrationXmlStore<IdentityProviderConfig> store =
                IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, home.resolve("lanyard"));
        IdentityProviderConfig builtIn = store.load().get(0);
        store.save(new LanyardConfiguration(List.of(builtIn.toBuilder().clientSecret(StoredSecret.external())
                .build())));
        return builtIn.id();
    }
}
