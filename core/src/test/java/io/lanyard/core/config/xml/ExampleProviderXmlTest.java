package io.lanyard.core.config.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.secret.StoredSecret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented example must stay a file Lanyard loads. */
class ExampleProviderXmlTest {

    private static final Path EXAMPLE = Path.of("docs", "examples", "provider.xml");

    @TempDir
    Path directory;

    @Test
    void documentedExampleLoads() throws IOException {
        LanyardConfiguration configuration = loadExample();

        assertThat(configuration.identityProviders()).extracting(IdentityProviderConfig::id)
                .containsExactly("GOxXFuPXJgiyAwuXugVG", "Hq3ZtV8mKc2LpWx7NbRe");
    }

    @Test
    void documentedKeycloakProviderTakesItsSecretFromOutside() throws IOException {
        IdentityProviderConfig keycloak = loadExample().identityProviders().get(0);

        assertThat(keycloak.clientSecret()).isEqualTo(StoredSecret.external());
        assertThat(keycloak.issuer()).isEqualTo("https://idp.example.com/realms/acme");
        assertThat(keycloak.allowedAlgorithms()).containsExactlyInAnyOrder("RS256", "ES256");
    }

    @Test
    void documentedEntraIdProviderUsesTheV2DiscoveryUrl() throws IOException {
        IdentityProviderConfig entra = loadExample().identityProviders().get(1);

        assertThat(entra.issuer())
                .isEqualTo("https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0");
        assertThat(entra.discoveryUrl()).hasToString(entra.issuer() + "/.well-known/openid-configuration");
        assertThat(entra.usernameMapping().fallbackClaims()).isEqualTo(List.of("upn", "email"));
    }

    @Test
    void documentedSignInElementsRouteTheCompanysDomainToKeycloak() throws IOException {
        IdentityProviderConfig keycloak = loadExample().identityProviders().get(0);

        assertThat(keycloak.signIn().emailDomains()).containsExactly("example.com", "*.example.com");
        assertThat(keycloak.signIn().order()).isEqualTo(10);
        assertThat(keycloak.signIn().restrictsAccounts()).isFalse();
    }

    private LanyardConfiguration loadExample() throws IOException {
        Files.copy(findExample(), directory.resolve(ProviderXml.FILE_NAME));
        return new LanyardConfiguration(IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, directory).load());
    }

    /** Maven runs the tests in core/; an IDE may run them in the repository's root. */
    private static Path findExample() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(EXAMPLE))) {
                return dir.resolve(EXAMPLE);
            }
        }
        throw new IllegalStateException(EXAMPLE + " not found above " + Path.of("").toAbsolutePath());
    }
}
