package io.lanyard.bench.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.token.TokenRejectedException;
import io.lanyard.core.token.ValidatedIdToken;
import io.lanyard.core.token.ValidationFailure;
import java.security.SignatureException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The benchmark is only fair if every validator does its work on the fixture: each accepts the committed token (and
 * hands back its subject) and, configured for another login, refuses it for that very reason: the nonce. Not timed.
 */
class ValidatorsTest extends WithFixtureKeysServed {

    private static final String SUBJECT = "6f1c9e52-8a3b-4d2e-b7f0-3c5a1d9e8b24";

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256"})
    void everyValidatorAcceptsTheFixtureTokenAndReadsItsSubject(String algorithm) throws Exception {
        String token = TokenFixtures.idToken(algorithm);

        assertThat(Validators.rawJdkSignature(algorithm).validate(token)).isEqualTo(Boolean.TRUE);
        assertThat(((ValidatedIdToken) Validators.lanyard(algorithm, jwks.uri(), TokenFixtures.NONCE).validate(token))
                .subject()).isEqualTo(SUBJECT);
        assertThat(((IDTokenClaimsSet) Validators.nimbus(algorithm, TokenFixtures.NONCE).validate(token))
                .getSubject().getValue()).isEqualTo(SUBJECT);
        assertThat(((OidcIdToken) Validators.spring(algorithm, TokenFixtures.NONCE).validate(token)).getSubject())
                .isEqualTo(SUBJECT);
        assertThat(((IDTokenClaimsSet) Validators.pac4j(algorithm, TokenFixtures.NONCE).validate(token))
                .getSubject().getValue()).isEqualTo(SUBJECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256"})
    void lanyardRefusesTheTokenOfAnotherLoginAsANonceMismatch(String algorithm) throws Exception {
        IdTokenCheck lanyard = Validators.lanyard(algorithm, jwks.uri(), "another-login");

        assertThatThrownBy(() -> lanyard.validate(TokenFixtures.idToken(algorithm)))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.failures())
                        .extracting(ValidationFailure::code).containsExactly(ErrorCode.ID_TOKEN_NONCE_MISMATCH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256"})
    void nimbusAndPac4jRefuseTheTokenOfAnotherLoginForItsNonce(String algorithm) throws Exception {
        for (IdTokenCheck nimbusBased : List.of(Validators.nimbus(algorithm, "another-login"),
                Validators.pac4j(algorithm, "another-login"))) {
            assertThatThrownBy(() -> nimbusBased.validate(TokenFixtures.idToken(algorithm)))
                    .isInstanceOf(BadJWTException.class).hasMessageStartingWith("Unexpected JWT nonce");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256"})
    void springRefusesTheTokenOfAnotherLoginForItsNonce(String algorithm) throws Exception {
        IdTokenCheck spring = Validators.spring(algorithm, "another-login");

        Throwable refusal = catchThrowable(() -> spring.validate(TokenFixtures.idToken(algorithm)));

        assertThat(refusal).isInstanceOf(JwtValidationException.class);
        assertThat(((JwtValidationException) refusal).getErrors()).extracting(OAuth2Error::getDescription)
                .singleElement().asString().contains("nonce");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256"})
    void theRawVerificationRefusesATamperedToken(String algorithm) throws Exception {
        String token = TokenFixtures.idToken(algorithm);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];

        assertThatThrownBy(() -> Validators.rawJdkSignature(algorithm).validate(tampered))
                .isInstanceOf(SignatureException.class).hasMessage("signature does not verify");
    }
}
