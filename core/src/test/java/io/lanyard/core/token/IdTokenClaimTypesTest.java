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

/** Claims of the wrong JSON type, and {@code sub} at its length limit (OIDC Core §2). */
class IdTokenClaimTypesTest {

    private final IdTokenValidator validator = new IdTokenValidator(new MutableClock());
    private final KeySource keys = VerificationKeys.from(new JWKSet(List.of(TestKeys.RSA)), "test")::candidatesFor;
    private final IdTokenExpectations expected = new IdTokenExpectations(ISSUER, CLIENT_ID, Set.of(), NONCE,
            Set.of("RS256"), Duration.ofSeconds(60), Optional.empty(), List.of(), Optional.empty());

    private ErrorCode refusal(TestIdTokens token) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> validator.validate(token.sign(), expected, keys));
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
    void anIssuerThatIsNotAStringIsMalformed() {
        // RFC 7519 §4.1.1 types iss; the claims parser refuses the token before any rule is checked.
        assertThat(refusal(TestIdTokens.valid().claim("iss", 42))).isEqualTo(ErrorCode.ID_TOKEN_MALFORMED);
    }

    @Test
    void aNonceThatIsNotAStringIsMissing() {
        assertThat(refusal(TestIdTokens.valid().claim("nonce", List.of(NONCE)))).isEqualTo(ErrorCode.ID_TOKEN_NONCE_MISSING);
    }

    @Test
    void anAudienceThatIsNeitherStringNorArrayDoesNotContainUs() {
        assertThat(refusal(TestIdTokens.valid().claim("aud", 42))).isEqualTo(ErrorCode.ID_TOKEN_AUDIENCE_MISMATCH);
    }
}
