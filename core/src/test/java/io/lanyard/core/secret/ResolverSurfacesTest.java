package io.lanyard.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.host.HostProduct;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of secret resolution other modules call: the file-only resolver for connectors, the descriptions the
 * admin UI shows (the same outcome as a resolution), and a resolution asked for twice.
 */
class ResolverSurfacesTest {

    private static final String IDP = "GOxXFuPXJgiyAwuXugVG";
    private static final String CONNECTOR = "wdlfqm6se9un";
    private static final StoredSecret FILE = StoredSecret.plaintext(Secret.of("from-file"));

    @Test
    void theFileOnlyResolverReadsConnectorSecretsFromTheFile() {
        ResolvedSecret resolved = new ConfigurationFileSecretResolver().resolveConnectorSecret(CONNECTOR, FILE);

        assertThat(resolved.secret()).contains(Secret.of("from-file"));
        assertThat(resolved.source()).isEqualTo(SecretSource.CONFIGURATION_FILE);
    }

    @Test
    void describingASecretGivesTheOutcomeOfResolvingIt() {
        ClientSecretResolver fileOnly = new ConfigurationFileSecretResolver();

        assertThat(fileOnly.describeIdentityProviderSecret(IDP, FILE).secret()).contains(Secret.of("from-file"));
        assertThat(fileOnly.describeConnectorSecret(CONNECTOR, StoredSecret.none()).secret()).isEmpty();
    }

    @Test
    void aSecretResolvedTwiceIsFoundBothTimes() {
        ExternalSecretResolver resolver = new ExternalSecretResolver(
                Map.of(SecretOwner.identityProvider(IDP).propertyName(), "from-env"), Map.of(), SecuredValues.none());

        ResolvedSecret first = resolver.resolveIdentityProviderSecret(IDP, FILE);
        ResolvedSecret second = resolver.resolveIdentityProviderSecret(IDP, FILE);

        assertThat(first.secret()).contains(Secret.of("from-env"));
        assertThat(second).isNotNull();
        assertThat(second.secret()).contains(Secret.of("from-env"));
        assertThat(second.source()).isEqualTo(SecretSource.ENVIRONMENT_VARIABLE);
    }

    @Test
    void atStartOfAProductOtherThanBitbucketReadsTheEnvironmentAndProperties(@TempDir Path lanyardDirectory) {
        assertThat(ClientSecretResolvers.atStart(HostProduct.of("jira", "10.3.1"), lanyardDirectory))
                .isInstanceOf(ExternalSecretResolver.class);
        assertThat(ClientSecretResolvers.atStart(Map.of(), new Properties(), name -> { }, HostProduct.of("jira", "10.3.1"),
                lanyardDirectory)).isInstanceOf(ExternalSecretResolver.class);
    }

    @Test
    void aResolutionDescribesItsSourceAndProblemButNeverTheValue() {
        ResolvedSecret found = new ConfigurationFileSecretResolver().resolveIdentityProviderSecret(IDP, FILE);
        ResolvedSecret missing = new ConfigurationFileSecretResolver().resolveIdentityProviderSecret(IDP, StoredSecret.none());

        assertThat(found).hasToString("ResolvedSecret[" + SecretSource.CONFIGURATION_FILE + "]");
        assertThat(missing.toString()).startsWith("ResolvedSecret[").contains(", ").doesNotContain("null");
        assertThat(missing.problem()).isPresent();
    }

    @Test
    void ownerKindsDescribeThemselvesForMessages() {
        assertThat(SecretOwner.Kind.IDENTITY_PROVIDER.description()).isEqualTo("identity provider");
        assertThat(SecretOwner.Kind.CONNECTOR.description()).isEqualTo("Entra ID connector");
    }
}
