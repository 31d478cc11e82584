package io.lanyard.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.host.HostProduct;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.secret.secured.SecuredPropertyValues;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
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
        ResolvedSecret resolved = ClientSecretResolver.fileOnly().resolve(SecretOwner.connector(CONNECTOR), FILE);

        assertThat(resolved.secret()).contains(Secret.of("from-file"));
        assertThat(resolved.source()).isEqualTo(SecretSource.CONFIGURATION_FILE);
    }

    @Test
    void describingASecretGivesTheOutcomeOfResolvingIt() {
        ClientSecretResolver fileOnly = ClientSecretResolver.fileOnly();

        assertThat(fileOnly.describe(SecretOwner.identityProvider(IDP), FILE).secret()).contains(Secret.of("from-file"));
        assertThat(fileOnly.describe(SecretOwner.connector(CONNECTOR), StoredSecret.none()).secret()).isEmpty();
    }

    @Test
    void aSecretResolvedTwiceIsFoundBothTimes() {
        ClientSecretResolver resolver = new ClientSecretResolver(
                Map.of(SecretOwner.identityProvider(IDP).propertyName(), "from-env"), Map.of(), SecuredPropertyValues.none());

        ResolvedSecret first = resolver.resolve(SecretOwner.identityProvider(IDP), FILE);
        ResolvedSecret second = resolver.resolve(SecretOwner.identityProvider(IDP), FILE);

        assertThat(first.secret()).contains(Secret.of("from-env"));
        assertThat(second).isNotNull();
        assertThat(second.secret()).contains(Secret.of("from-env"));
        assertThat(second.source()).isEqualTo(SecretSource.ENVIRONMENT_VARIABLE);
    }

    @Test
    void atStartOfAProductOtherThanBitbucketReadsTheEnvironmentAndProperties(@TempDir Path lanyardDirectory) {
        assertThat(ClientSecretResolver.atStart(HostProduct.of("jira", "10.3.1"), Optional.of(lanyardDirectory)))
                .isInstanceOf(ClientSecretResolver.class);
        assertThat(ClientSecretResolver.atStart(Map.of(), new Properties(), name -> { }, HostProduct.of("jira", "10.3.1"), Optional.of(lanyardDirectory))).isInstanceOf(ClientSecretResolver.class);
    }

    @Test
    void aResolutionDescribesItsSourceAndProblemButNeverTheValue() {
        ResolvedSecret found = ClientSecretResolver.fileOnly().resolve(SecretOwner.identityProvider(IDP), FILE);
        ResolvedSecret missing = ClientSecretResolver.fileOnly().resolve(SecretOwner.identityProvider(IDP), StoredSecret.none());

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
