package io.lanyard.core.secret.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.host.HostProduct;
import io.lanyard.core.secret.ClientSecrets;
import io.lanyard.core.secret.ResolvedSecret;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.core.secret.SecretSlot;
import io.lanyard.core.secret.SecretSource;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.secured.SecuredPropertyValues;
import io.lanyard.core.testing.LogCapture;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The next secret of a rotation resolves like the current one, in the same order, under the {@code _NEXT} names and
 * from {@code CLIENT_SECRET_NEXT}; the current secret's resolution does not change at all.
 */
class ClientSecretResolverNextTest {

    private static final SecretOwner IDP = SecretOwner.identityProvider("GOxXFuPXJgiyAwuXugVG");
    private static final String PER_ID_NEXT = SecretPropertyNames.next(IDP.propertyName());
    private static final String STATIC_NEXT = SecretPropertyNames.next(IDP.staticPropertyName());
    private static final StoredSecret CURRENT_IN_FILE = StoredSecret.plaintext(Secret.of("current-in-file"));

    @TempDir
    Path directory;

    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, String> jvm = new HashMap<>();

    private ClientSecrets resolve(StoredSecret next) {
        return new ClientSecretResolver(environment, jvm, SecuredPropertyValues.none())
                .resolveBoth(IDP, CURRENT_IN_FILE, next);
    }

    private static ResolvedSecret next(ClientSecrets secrets) {
        return secrets.next().orElseThrow();
    }

    @Test
    void withoutANextSecretAnywhereThereIsNoRotation() {
        ClientSecrets secrets = resolve(StoredSecret.none());

        assertThat(secrets.next()).isEmpty();
        assertThat(secrets.rotating()).isFalse();
        assertThat(secrets.current().secret()).contains(Secret.of("current-in-file"));
    }

    @Test
    void theNextSecretFollowsTheSpecificationsOrderUnderItsOwnNames() {
        StoredSecret inFile = StoredSecret.plaintext(Secret.of("next-in-file"));
        assertThat(next(resolve(inFile)).source()).isEqualTo(SecretSource.CONFIGURATION_FILE);

        jvm.put(STATIC_NEXT, "static-jvm");
        assertThat(next(resolve(inFile)).propertyName()).contains(STATIC_NEXT);
        environment.put(STATIC_NEXT, "static-env");
        assertThat(next(resolve(inFile)).source()).isEqualTo(SecretSource.ENVIRONMENT_VARIABLE);
        jvm.put(PER_ID_NEXT, "per-id-jvm");
        assertThat(next(resolve(inFile)).propertyName()).contains(PER_ID_NEXT);
        environment.put(PER_ID_NEXT, "per-id-env");
        ResolvedSecret first = next(resolve(inFile));
        assertThat(first.secret()).contains(Secret.of("per-id-env"));
        assertThat(first.source()).isEqualTo(SecretSource.ENVIRONMENT_VARIABLE);
    }

    @Test
    void aNextNameNeverFeedsTheCurrentSecretNorTheOtherWayRound() {
        environment.put(PER_ID_NEXT, "only-next");
        environment.put(IDP.propertyName(), "only-current");

        ClientSecrets secrets = resolve(StoredSecret.none());

        assertThat(secrets.current().secret()).contains(Secret.of("only-current"));
        assertThat(next(secrets).secret()).contains(Secret.of("only-next"));
    }

    @Test
    void thePlaceholderInClientSecretNextWithoutAVariableIsAProblemNamingTheNextNames() {
        ResolvedSecret missing = next(resolve(StoredSecret.external()));

        assertThat(missing.secret()).isEmpty();
        assertThat(missing.problem()).hasValueSatisfying(problem -> {
            assertThat(problem.errorCode()).isEqualTo(ErrorCode.CLIENT_SECRET_MISSING);
            assertThat(problem.message()).contains("CLIENT_SECRET_NEXT in provider.xml", PER_ID_NEXT, STATIC_NEXT);
        });
    }

    @Test
    void theCandidatesAreTheAcceptedOneFirstAndTheSameValueOnlyOnce() {
        environment.put(PER_ID_NEXT, "next-value");
        ClientSecrets secrets = resolve(StoredSecret.none());

        assertThat(secrets.candidates(Optional.empty())).extracting(ClientSecrets.Candidate::slot)
                .containsExactly(SecretSlot.CURRENT, SecretSlot.NEXT);
        assertThat(secrets.candidates(Optional.of(Secret.of("next-value").fingerprint())))
                .extracting(ClientSecrets.Candidate::slot).containsExactly(SecretSlot.NEXT, SecretSlot.CURRENT);

        environment.put(PER_ID_NEXT, "current-in-file");
        assertThat(resolve(StoredSecret.none()).candidates(Optional.empty())).hasSize(1);
    }

    @Test
    void aNextSecretListedInSecuredPropertiesIsStoredEncryptedLikeTheCurrentOne() {
        Properties properties = new Properties();
        properties.setProperty(PER_ID_NEXT, "next-to-encrypt");
        properties.setProperty("secrets.secured-properties", PER_ID_NEXT);

        ClientSecretResolver.atStart(Map.of(), properties, properties::remove, HostProduct.of("bitbucket", "9.4.2"),
                Optional.of(directory));
        Properties later = new Properties();
        later.setProperty("secrets.secured-properties", PER_ID_NEXT);
        ClientSecretResolver afterRestart = ClientSecretResolver.atStart(Map.of(), later, name -> { },
                HostProduct.of("bitbucket", "9.4.2"), Optional.of(directory));

        ResolvedSecret next = afterRestart.resolveBoth(IDP, CURRENT_IN_FILE, StoredSecret.external()).next().orElseThrow();
        assertThat(properties).doesNotContainKey(PER_ID_NEXT);
        assertThat(next.source()).isEqualTo(SecretSource.SECURED_PROPERTY);
        assertThat(next.secret()).contains(Secret.of("next-to-encrypt"));
    }

    @Test
    void theLogNamesTheNextSecretsSourceAndFingerprintNeverItsValue() {
        environment.put(STATIC_NEXT, "next-secret-value-xyz");
        List<String> lines;
        try (LogCapture log = LogCapture.start()) {
            resolve(StoredSecret.none());
            lines = log.messagesOf(ClientSecretResolver.class);
        }

        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Next client secret of identity provider")
                .contains(STATIC_NEXT, Secret.of("next-secret-value-xyz").fingerprint()));
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("next-secret-value-xyz"));
    }
}
