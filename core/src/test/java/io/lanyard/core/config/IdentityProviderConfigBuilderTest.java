package io.lanyard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.error.ErrorCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityProviderConfigBuilderTest {

    private static IdentityProviderConfigBuilder valid() {
        return IdentityProviderConfig.builder().id("GOxXFuPXJgiyAwuXugVG").displayName("Keycloak")
                .discoveryUrl("https://idp.example.com/realms/acme/.well-known/openid-configuration").clientId("jira");
    }

    private static void assertFieldError(IdentityProviderConfigBuilder builder, String field) {
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(ConfigurationException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
            assertThat(e.fieldErrors()).extracting(FieldError::field).contains(field);
        });
    }

    @Test
    void buildWhenPrivateKeyJwtWithAnHmacAlgorithmThenRefusedBecauseThereIsNoSecretToCheckItWith() {
        assertFieldError(valid().clientAuthMethod(ClientAuthMethod.PRIVATE_KEY_JWT)
                .allowedAlgorithms(List.of("RS256", "HS256")), "allowedAlgorithms");
    }

    @Test
    void buildWhenPrivateKeyJwtThenNoSecretIsNeededAndTheAudienceDefaultsToTheTokenEndpoint() {
        IdentityProviderConfig config = valid().clientAuthMethod(ClientAuthMethod.PRIVATE_KEY_JWT).build();

        assertThat(config.clientAuthMethod().usesClientSecret()).isFalse();
        assertThat(config.clientAssertionAudience()).isEqualTo(ClientAssertionAudience.TOKEN_ENDPOINT);
    }

    @Test
    void buildWhenSecretsOrAudienceAreNullThenEachFieldIsNamed() {
        assertFieldError(valid().nextClientSecret(null), "nextClientSecret");
        assertFieldError(valid().clientAssertionAudience(null), "clientAssertionAudience");
    }

    @Test
    void buildWhenDiscoveryUrlGivenThenIssuerDerived() {
        IdentityProviderConfig config = valid().build();

        assertThat(config.issuer()).isEqualTo("https://idp.example.com/realms/acme");
        assertThat(config.scopes()).startsWith("openid");
        assertThat(config.allowedAlgorithms()).containsExactly("RS256");
        assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void buildWhenIssuerUrlGivenAsDiscoveryThenWellKnownAppended() {
        IdentityProviderConfig config = valid().discoveryUrl("https://idp.example.com/realms/acme/").build();

        assertThat(config.discoveryUrl()).hasToString("https://idp.example.com/realms/acme/.well-known/openid-configuration");
    }

    @Test
    void buildWhenPlainHttpToRemoteHostThenRefused() {
        assertFieldError(valid().discoveryUrl("http://idp.example.com/.well-known/openid-configuration"), "discoveryUrl");
    }

    @Test
    void buildWhenPlainHttpToLocalhostThenAccepted() {
        assertThat(valid().discoveryUrl("http://localhost:8081/sandbox").build().issuer()).isEqualTo("http://localhost:8081/sandbox");
    }

    @Test
    void buildWhenAlgNoneAllowedThenRefused() {
        assertFieldError(valid().allowedAlgorithms(List.of("RS256", "none")), "allowedAlgorithms");
    }

    @Test
    void buildWhenClockSkewTooLargeThenRefused() {
        assertFieldError(valid().clockSkew(Duration.ofHours(1)), "clockSkew");
    }

    @Test
    void buildWhenIdHasOtherCharactersThenRefused() {
        assertFieldError(valid().id("../etc"), "id");
    }

    @Test
    void buildWhenUsernamePatternInvalidThenRefused() {
        assertFieldError(valid().usernamePattern("(unclosed"), "usernamePattern");
    }

    @Test
    void buildWhenSeveralFieldsWrongThenAllReportedAtOnce() {
        assertThatThrownBy(() -> IdentityProviderConfig.builder().build())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(FieldError::field).contains("id", "displayName", "discoveryUrl", "clientId"));
    }

    @Test
    void toBuilderRoundTripsToAnEqualConfiguration() {
        IdentityProviderConfig config = valid().usernamePattern("([^@]+)@x").trustedAudiences(List.of("api")).build();

        assertThat(config.toBuilder().build()).isEqualTo(config);
    }
}
