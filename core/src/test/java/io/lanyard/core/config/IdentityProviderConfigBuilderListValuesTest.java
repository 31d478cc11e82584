package io.lanyard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** List values are stored space-separated, so a value must not contain whitespace itself. */
class IdentityProviderConfigBuilderListValuesTest {

    @Test
    void buildWhenListValuesContainWhitespaceThenEachListHasAnError() {
        ConfigurationException thrown = catchThrowableOfType(ConfigurationException.class, () -> valid()
                .trustedAudiences(List.of("my app"))
                .acrValues(List.of("urn:a urn:b"))
                .fallbackClaims(List.of("given\tname"))
                .build());

        assertThat(thrown).isNotNull();
        assertThat(thrown.fieldErrors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("trustedAudiences", "acrValues", "fallbackClaims");
    }

    @Test
    void buildWhenListValuesHaveSurroundingWhitespaceThenStripped() {
        IdentityProviderConfig config = valid().trustedAudiences(List.of(" api://x ")).acrValues(List.of("mfa ")).build();

        assertThat(config.trustedAudiences()).containsExactly("api://x");
        assertThat(config.acrValues()).containsExactly("mfa");
    }

    private static IdentityProviderConfigBuilder valid() {
        return IdentityProviderConfig.builder().id("abc").displayName("Keycloak")
                .discoveryUrl("https://idp.example.com/realms/acme").clientId("lanyard");
    }
}
