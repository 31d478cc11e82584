package io.lanyard.core.secret.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.secret.ResolvedSecret;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.SecretProblem;
import io.lanyard.core.secret.SecretSource;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.secured.SecuredPropertyValues;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every branch of the order, for identity providers and connectors alike: per-id environment variable, per-id JVM
 * property, (secured store), static environment variable, static JVM property, then the file.
 */
class ClientSecretResolverTest {

    private static final String IDP_ID = "GOxXFuPXJgiyAwuXugVG";
    private static final String CONNECTOR_ID = "wdlfqm6se9un";
    private static final StoredSecret FILE = StoredSecret.plaintext(Secret.of("from-file"));

    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, String> systemProperties = new HashMap<>();
    private SecuredPropertyValues secured = SecuredPropertyValues.none();

    private static SecretOwner owner(SecretOwner.Kind kind) {
        return kind == SecretOwner.Kind.IDENTITY_PROVIDER ? SecretOwner.identityProvider(IDP_ID)
                : SecretOwner.connector(CONNECTOR_ID);
    }

    private ResolvedSecret resolve(SecretOwner owner, StoredSecret stored) {
        ClientSecretResolver resolver = new ClientSecretResolver(environment, systemProperties, secured);
        return resolver.resolve(owner, stored);
    }

    private static void assertFound(ResolvedSecret resolved, String value, SecretSource source, String name) {
        assertThat(resolved.secret()).contains(Secret.of(value));
        assertThat(resolved.source()).isEqualTo(source);
        assertThat(resolved.propertyName()).isEqualTo(Optional.ofNullable(name));
        assertThat(resolved.problem()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SecretOwner.Kind.class)
    void perIdEnvironmentVariableWinsOverEverything(SecretOwner.Kind kind) {
        SecretOwner owner = owner(kind);
        environment.put(owner.propertyName(), "per-id-env");
        systemProperties.put(owner.propertyName(), "per-id-jvm");
        environment.put(owner.staticPropertyName(), "static-env");
        systemProperties.put(owner.staticPropertyName(), "static-jvm");

        assertFound(resolve(owner, FILE), "per-id-env", SecretSource.ENVIRONMENT_VARIABLE, owner.propertyName());
    }

    @ParameterizedTest
    @EnumSource(SecretOwner.Kind.class)
    void perIdJvmPropertyWinsOverTheStaticName(SecretOwner.Kind kind) {
        SecretOwner owner = owner(kind);
        systemProperties.put(owner.propertyName(), "per-id-jvm");
        environment.put(owner.staticPropertyName(), "static-env");
        systemProperties.put(owner.staticPropertyName(), "static-jvm");

        assertFound(resolve(owner, FILE), "per-id-jvm", SecretSource.SYSTEM_PROPERTY, owner.propertyName());
    }

    @ParameterizedTest
    @EnumSource(SecretOwner.Kind.class)
    void staticEnvironmentVariableWinsOverStaticJvmPropertyAndFile(SecretOwner.Kind kind) {
        SecretOwner owner = owner(kind);
        environment.put(owner.staticPropertyName(), "static-env");
        systemProperties.put(owner.staticPropertyName(), "static-jvm");

        assertFound(resolve(owner, FILE), "static-env", SecretSource.ENVIRONMENT_VARIABLE, owner.staticPropertyName());
    }

    @ParameterizedTest
    @EnumSource(SecretOwner.Kind.class)
    void staticJvmPropertyWinsOverTheFile(SecretOwner.Kind kind) {
        SecretOwner owner = owner(kind);
        systemProperties.put(owner.staticPropertyName(), "static-jvm");

        assertFound(resolve(owner, FILE), "static-jvm", SecretSource.SYSTEM_PROPERTY, owner.staticPropertyName());
    }

    @ParameterizedTest
    @EnumSource(SecretOwner.Kind.class)
    void fileWhenNothingIsSetOutside(SecretOwner.Kind kind) {
        assertFound(resolve(owner(kind), FILE), "from-file", SecretSource.CONFIGURATION_FILE, null);
    }

    @ParameterizedTest
    @EnumSource(SecretOwner.Kind.class)
    void placeholderWithVariableSetResolvesFromOutside(SecretOwner.Kind kind) {
        SecretOwner owner = owner(kind);
        environment.put(owner.propertyName(), "per-id-env");

        assertFound(resolve(owner, StoredSecret.external()), "per-id-env", SecretSource.ENVIRONMENT_VARIABLE,
                owner.propertyName());
    }

    @ParameterizedTest
    @EnumSource(SecretOwner.Kind.class)
    void placeholderWithoutVariableIsAConfigurationErrorNamingTheLookedUpNames(SecretOwner.Kind kind) {
        SecretOwner owner = owner(kind);

        ResolvedSecret resolved = resolve(owner, StoredSecret.external());

        assertThat(resolved.secret()).isEmpty();
        assertThat(resolved.source()).isEqualTo(SecretSource.NOT_SET);
        SecretProblem problem = resolved.problem().orElseThrow();
        assertThat(problem.errorCode()).isEqualTo(ErrorCode.CLIENT_SECRET_MISSING);
        assertThat(problem.message())
                .contains(owner.propertyName() + ", " + owner.staticPropertyName())
                .contains("USING_ENVIRONMENT_PROPERTY")
                .contains(kind == SecretOwner.Kind.IDENTITY_PROVIDER ? "provider.xml" : "connector.xml");
    }

    @ParameterizedTest
    @EnumSource(SecretOwner.Kind.class)
    void emptyFileAndNothingOutsideIsNotSet(SecretOwner.Kind kind) {
        ResolvedSecret resolved = resolve(owner(kind), StoredSecret.none());

        assertThat(resolved.secret()).isEmpty();
        assertThat(resolved.source()).isEqualTo(SecretSource.NOT_SET);
        assertThat(resolved.problem().orElseThrow().errorCode()).isEqualTo(ErrorCode.CLIENT_SECRET_MISSING);
    }

    @ParameterizedTest
    @EnumSource(SecretOwner.Kind.class)
    void blankVariableCountsAsNotSet(SecretOwner.Kind kind) {
        SecretOwner owner = owner(kind);
        environment.put(owner.propertyName(), "");
        systemProperties.put(owner.propertyName(), "   ");
        environment.put(owner.staticPropertyName(), " \t");
        systemProperties.put(owner.staticPropertyName(), "static-jvm");

        assertFound(resolve(owner, FILE), "static-jvm", SecretSource.SYSTEM_PROPERTY, owner.staticPropertyName());
    }

    @ParameterizedTest
    @EnumSource(SecretOwner.Kind.class)
    void blankVariablesEverywhereFallBackToTheFile(SecretOwner.Kind kind) {
        SecretOwner owner = owner(kind);
        environment.put(owner.propertyName(), " ");
        environment.put(owner.staticPropertyName(), "");

        assertFound(resolve(owner, FILE), "from-file", SecretSource.CONFIGURATION_FILE, null);
    }

    @ParameterizedTest
    @EnumSource(SecretOwner.Kind.class)
    void surroundingWhitespaceOfAValueIsDropped(SecretOwner.Kind kind) {
        SecretOwner owner = owner(kind);
        environment.put(owner.propertyName(), " value-with-blanks \r\n");

        assertFound(resolve(owner, FILE), "value-with-blanks", SecretSource.ENVIRONMENT_VARIABLE, owner.propertyName());
    }

    @ParameterizedTest
    @EnumSource(SecretOwner.Kind.class)
    void securedValueComesAfterTheJvmPropertyOfTheSameNameAndBeforeTheStaticName(SecretOwner.Kind kind) {
        SecretOwner owner = owner(kind);
        secured = SecuredPropertyValues.of(Map.of(owner.propertyName(),
                ResolvedSecret.found(Secret.of("secured"), SecretSource.SECURED_PROPERTY, owner.propertyName())));
        environment.put(owner.staticPropertyName(), "static-env");

        assertFound(resolve(owner, FILE), "secured", SecretSource.SECURED_PROPERTY, owner.propertyName());

        systemProperties.put(owner.propertyName(), "per-id-jvm");
        assertFound(resolve(owner, FILE), "per-id-jvm", SecretSource.SYSTEM_PROPERTY, owner.propertyName());
    }

    @ParameterizedTest
    @EnumSource(SecretOwner.Kind.class)
    void unreadableSecuredValueIsAnErrorNotAFallBackToAnotherSecret(SecretOwner.Kind kind) {
        SecretOwner owner = owner(kind);
        secured = SecuredPropertyValues.of(Map.of(owner.propertyName(),
                ResolvedSecret.unreadable(owner.propertyName(), "the key file is missing")));
        environment.put(owner.staticPropertyName(), "static-env");

        ResolvedSecret resolved = resolve(owner, FILE);

        assertThat(resolved.secret()).isEmpty();
        assertThat(resolved.problem().orElseThrow().errorCode()).isEqualTo(ErrorCode.SECURED_PROPERTY_UNREADABLE);
        assertThat(resolved.problem().orElseThrow().message()).contains(owner.propertyName(), "the key file is missing");
    }

    @ParameterizedTest
    @EnumSource(SecretOwner.Kind.class)
    void theOtherKindsNamesAreNotUsed(SecretOwner.Kind kind) {
        SecretOwner owner = owner(kind);
        SecretOwner other = kind == SecretOwner.Kind.IDENTITY_PROVIDER ? SecretOwner.connector(CONNECTOR_ID)
                : SecretOwner.identityProvider(IDP_ID);
        environment.put(other.propertyName(), "other-kind");
        environment.put(other.staticPropertyName(), "other-kind");

        assertFound(resolve(owner, FILE), "from-file", SecretSource.CONFIGURATION_FILE, null);
    }

    @ParameterizedTest
    @EnumSource(SecretOwner.Kind.class)
    void anotherIdsNameIsNotUsed(SecretOwner.Kind kind) {
        SecretOwner owner = owner(kind);
        SecretOwner sameKindOtherId = new SecretOwner(kind, "other1234567");
        environment.put(sameKindOtherId.propertyName(), "someone-else");

        assertFound(resolve(owner, FILE), "from-file", SecretSource.CONFIGURATION_FILE, null);
    }

    @ParameterizedTest
    @EnumSource(SecretOwner.Kind.class)
    void idIsMatchedWithItsCase(SecretOwner.Kind kind) {
        SecretOwner owner = new SecretOwner(kind, "abcDEF123456");
        environment.put(new SecretOwner(kind, "ABCDEF123456").propertyName(), "wrong-case");

        ResolvedSecret resolved = resolve(owner, StoredSecret.external());

        assertThat(resolved.secret()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SecretOwner.Kind.class)
    void snapshotIsTakenWhenTheResolverIsBuilt(SecretOwner.Kind kind) {
        SecretOwner owner = owner(kind);
        ClientSecretResolver resolver = new ClientSecretResolver(environment, systemProperties, secured);
        environment.put(owner.propertyName(), "set-after-start");

        assertThat(resolver.resolve(owner, FILE).source()).isEqualTo(SecretSource.CONFIGURATION_FILE);
    }

    @ParameterizedTest
    @EnumSource(SecretOwner.Kind.class)
    void oneOwnersMissingSecretLeavesOthersWorking(SecretOwner.Kind kind) {
        SecretOwner broken = owner(kind);
        SecretOwner working = new SecretOwner(kind, "working12345");
        environment.put(working.propertyName(), "works");

        assertThat(resolve(broken, StoredSecret.external()).problem()).isPresent();
        assertFound(resolve(working, StoredSecret.external()), "works", SecretSource.ENVIRONMENT_VARIABLE,
                working.propertyName());
    }

    @ParameterizedTest
    @EnumSource(SecretOwner.Kind.class)
    void toStringShowsNoValue(SecretOwner.Kind kind) {
        SecretOwner owner = owner(kind);
        environment.put(owner.propertyName(), "per-id-env-VALUE");
        ClientSecretResolver resolver = new ClientSecretResolver(environment, systemProperties, secured);

        assertThat(resolver.toString()).doesNotContain("per-id-env-VALUE");
        assertThat(resolver.resolve(owner, FILE).toString()).doesNotContain("per-id-env-VALUE").contains(owner.propertyName());
    }
}
