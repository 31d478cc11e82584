package io.lanyard.bench.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmark is only fair if every validator does its work on the fixture: each accepts the committed token and,
 * configured for another login or provider, refuses it. Not timed.
 */
class ValidatorsTest {

    private static LocalJwksEndpoint jwks;

    @BeforeAll
    static void serveKeys() throws Exception {
        jwks = new LocalJwksEndpoint(TokenFixtures.publicKeysJson());
    }

    @AfterAll
    static void stopServingKeys() {
        jwks.close();
    }

    private static Map<String, IdTokenCheck> configuredFor(String algorithm, String nonce) throws Exception {
        Map<String, IdTokenCheck> validators = new LinkedHashMap<>();
        validators.put("lanyard", Validators.lanyard(algorithm, jwks.uri(), nonce));
        validators.put("nimbus", Validators.nimbus(algorithm, nonce));
        validators.put("spring", Validators.spring(algorithm, nonce));
        validators.put("pac4j", Validators.pac4j(algorithm, nonce));
        return validators;
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256"})
    void everyValidatorAcceptsTheFixtureToken(String algorithm) throws Exception {
        String token = TokenFixtures.idToken(algorithm);

        assertThat(Validators.rawJdkSignature(algorithm).validate(token)).isEqualTo(Boolean.TRUE);
        for (Map.Entry<String, IdTokenCheck> validator : configuredFor(algorithm, TokenFixtures.NONCE).entrySet()) {
            assertThat(validator.getValue().validate(token)).as(validator.getKey()).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256"})
    void everyValidatorChecksTheNonceOfTheLogin(String algorithm) throws Exception {
        String token = TokenFixtures.idToken(algorithm);

        for (Map.Entry<String, IdTokenCheck> validator : configuredFor(algorithm, "another-login").entrySet()) {
            assertThatThrownBy(() -> validator.getValue().validate(token)).as(validator.getKey()).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256"})
    void theRawVerificationRefusesATamperedToken(String algorithm) throws Exception {
        String token = TokenFixtures.idToken(algorithm);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];

        assertThatThrownBy(() -> Validators.rawJdkSignature(algorithm).validate(tampered)).isNotNull();
    }
}
