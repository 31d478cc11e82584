package io.lanyard.core.token;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.lanyard.core.config.ClientMapping;
import io.lanyard.core.config.TokenIssuerConfig;
import io.lanyard.core.keys.VerificationKeys;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Coverage-guided fuzzing (Jazzer) of what a bearer token from anyone on the network reaches first: telling whose it
 * is ({@link AccessTokenValidator#unverifiedIssuer}, {@code looksLikeAsymmetricJwt}), the compact splitting, and the
 * whole validation with no keys. Anything but a refusal ({@link TokenRejectedException}) is a finding.
 */
class CompactTokenFuzzTest {

    private static final TokenIssuerConfig ISSUER = TokenIssuerConfig.builder().id("fuzzissuer01").displayName("Fuzz")
            .issuer("https://issuer.example.com").jwksUri("https://issuer.example.com/jwks").audience("api")
            .acceptJwtType(true)
            .clientMappings(List.of(new ClientMapping("c", "a", false, List.of(), Optional.empty()))).build();
    private static final AccessTokenValidator VALIDATOR = new AccessTokenValidator(Clock.systemUTC());

    @FuzzTest(maxDuration = "20s")
    void compactTokens(FuzzedDataProvider data) {
        String token = data.consumeRemainingAsString();
        AccessTokenValidator.unverifiedIssuer(token);
        AccessTokenValidator.looksLikeAsymmetricJwt(token);
        try {
            CompactJws.parse(token, "fuzzed token");
        } catch (TokenRejectedException refused) {
            // the expected way to say no
        }
        try {
            VALIDATOR.validate(token, ISSUER, VerificationKeys.empty());
        } catch (TokenRejectedException refused) {
            // the expected way to say no
        }
    }
}
