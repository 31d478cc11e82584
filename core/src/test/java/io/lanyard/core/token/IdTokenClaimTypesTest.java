package io.lanyard.core.token;

import static io.lanyard.core.testing.TestIdTokens.CLIENT_ID;
import static io.lanyard.core.testing.TestIdTokens.ISSUER;
import static io.lanyard.core.testing.TestIdTokens.NONCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.keys.KeySource;
import io.lanyard.core.keys.VerificationKeys;
import io.lanyard.core.testing.MutableClock;
import io.lanyard.core.testing.TestIdTokens;
import io.lanyard.core.testing.TestKeys;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Claims of the wrong JSON type, and {@code sub} at its length limit (OIDC Core §2). */
class IdTokenClaimTypesTest {

    private final IdTokenValidator validator = new IdTokenValidator(new MutableClock());
    private final KeySource keys = VerificationKeys.from(new JWKSet(List.of(TestKeys.RSA)), "test")::candidatesFor;
    private final IdTokenExpectations expected = new IdTokenExpectations(ISSUER, CLIENT_ID, Set.of(), NONCE,
            Set.of("RS256"), Duration.ofSeconds(60), Optional.empty(), List.of(), Optional.empty());

    private ErrorCode refusal(TestIdTokens token) {
        return refusalOf(token.sign());
    }

    private ErrorCode refusalOf(String token) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> validator.validate(token, expected, keys));
        assertThat(thrown).isInstanceOf(TokenRejectedException.class);
        return ((TokenRejectedException) thrown).errorCode();
    }

    @Test
    void aSubjectOf255CharactersIsAccepted() {
        String longest = "s".repeat(255);

        assertThat(validator.validate(TestIdTokens.valid().claim("sub", longest).sign(), expected, keys).subject())
                .isEqualTo(longest);
    }

    @Test
    void aSubjectThatIsANumberIsRefusedNotTurnedIntoText() {
        // A misbehaving provider's numeric sub logged the person in as the text of its digits before.
        assertThat(refusal(TestIdTokens.valid().claim("sub", 248289761001L))).isEqualTo(ErrorCode.ID_TOKEN_CLAIM_TYPE_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"iss", "sub", "azp", "nonce"})
    void aStringClaimOfAnotherTypeIsRefusedWithItsCode(String claim) {
        assertThat(refusal(TestIdTokens.valid().claim(claim, 42))).isEqualTo(ErrorCode.ID_TOKEN_CLAIM_TYPE_INVALID);
        assertThat(refusal(TestIdTokens.valid().claim(claim, true))).isEqualTo(ErrorCode.ID_TOKEN_CLAIM_TYPE_INVALID);
        assertThat(refusal(TestIdTokens.valid().claim(claim, List.of("x")))).isEqualTo(ErrorCode.ID_TOKEN_CLAIM_TYPE_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exp", "iat", "nbf", "auth_time"})
    void aTimeClaimThatIsNotANumberIsRefusedWithItsCode(String claim) {
        assertThat(refusal(TestIdTokens.valid().claim(claim, "1700000000"))).isEqualTo(ErrorCode.ID_TOKEN_CLAIM_TYPE_INVALID);
    }

    @Test
    void anAuthTimeOfTheWrongTypeIsRefusedEvenWhenNoMaximumAgeIsConfigured() {
        assertThat(expected.maxAuthenticationAge()).isEmpty();

        assertThat(refusal(TestIdTokens.valid().claim("auth_time", "yesterday"))).isEqualTo(ErrorCode.ID_TOKEN_CLAIM_TYPE_INVALID);
    }

    @Test
    void anAzpThatIsANumberIsRefusedRatherThanTakenAsAbsent() {
        // With one audience an absent azp is fine, so reading the number as "absent" skipped OIDC Core step 5.
        assertThat(refusal(TestIdTokens.valid().claim("azp", 7))).isEqualTo(ErrorCode.ID_TOKEN_CLAIM_TYPE_INVALID);
    }

    @Test
    void anAudienceThatIsAnArrayWithANonStringIsRefused() {
        // Nimbus' builder drops such an aud when it signs, so these tokens are signed from their JSON text.
        assertThat(refusalOf(signedWithAudience("[\"" + CLIENT_ID + "\", 42]"))).isEqualTo(ErrorCode.ID_TOKEN_CLAIM_TYPE_INVALID);
        assertThat(refusalOf(signedWithAudience("42"))).isEqualTo(ErrorCode.ID_TOKEN_CLAIM_TYPE_INVALID);
        assertThat(refusalOf(signedWithAudience("{\"client\": \"" + CLIENT_ID + "\"}")))
                .isEqualTo(ErrorCode.ID_TOKEN_CLAIM_TYPE_INVALID);
    }

    private static String signedWithAudience(String audienceJson) {
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"s\",\"aud\":" + audienceJson + ",\"exp\":"
                + (MutableClock.START.getEpochSecond() + 300) + ",\"iat\":" + MutableClock.START.getEpochSecond()
                + ",\"nonce\":\"" + NONCE + "\"}";
        return TestIdTokens.signJson(claims);
    }

    @Test
    void anAudienceAsASingleStringAndTimesWithFractionsAreAccepted() {
        String token = TestIdTokens.valid().claim("aud", CLIENT_ID)
                .claim("exp", MutableClock.START.getEpochSecond() + 300.5).sign();

        assertThat(validator.validate(token, expected, keys).subject()).isEqualTo("248289761001");
    }

    @Test
    void everyClaimOfTheWrongTypeIsListedWithoutItsValue() {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> validator.validate(
                TestIdTokens.valid().claim("sub", 12345).claim("exp", "soon").sign(), expected, keys));

        assertThat(((TokenRejectedException) thrown).failures()).extracting(ValidationFailure::description)
                .containsExactly("sub must be a string but is a number", "exp must be a number but is a string");
        assertThat(thrown.getMessage()).doesNotContain("12345").doesNotContain("soon");
    }
}
