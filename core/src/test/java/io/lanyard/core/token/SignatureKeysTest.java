package io.lanyard.core.token;

import static io.lanyard.core.testing.TestIdTokens.CLIENT_ID;
import static io.lanyard.core.testing.TestIdTokens.ISSUER;
import static io.lanyard.core.testing.TestIdTokens.NONCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
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

/**
 * OIDC Core §3.1.3.7 step 6 for the algorithms Lanyard verifies through Nimbus (RSA-PSS and ECDSA) rather than its
 * own RSASSA-PKCS1 path: a signature by another key under the provider's {@code kid} is refused, and a key only
 * serves the algorithms its type and curve fit.
 */
class SignatureKeysTest {

    private static final ECKey P384 = p384("ec-384");

    private final IdTokenValidator validator = new IdTokenValidator(new MutableClock());

    private static ECKey p384(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_384).keyID(kid).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeySource keysOf(JWK... jwks) {
        return VerificationKeys.from(new JWKSet(List.of(jwks)), "test")::candidatesFor;
    }

    private void assertRefused(TestIdTokens token, String algorithm, KeySource keys, ErrorCode expected) {
        IdTokenExpectations expected0 = new IdTokenExpectations(ISSUER, CLIENT_ID, Set.of(), NONCE, Set.of(algorithm),
                Duration.ofSeconds(60), Optional.empty(), List.of(), Optional.empty());
        assertThatThrownBy(() -> validator.validate(token.sign(), expected0, keys))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.errorCode()).isEqualTo(expected));
    }

    private String subjectOf(TestIdTokens token, String algorithm, KeySource keys) {
        return validator.validate(token.sign(), new IdTokenExpectations(ISSUER, CLIENT_ID, Set.of(), NONCE,
                Set.of(algorithm), Duration.ofSeconds(60), Optional.empty(), List.of(), Optional.empty()), keys).subject();
    }

    @Test
    void es256SignedByAnotherEcKeyUnderTheProvidersKidIsRefused() throws Exception {
        ECKey impostor = new ECKeyGenerator(Curve.P_256).keyID(TestKeys.EC.getKeyID()).generate();

        assertRefused(TestIdTokens.valid().signedWith(impostor, JWSAlgorithm.ES256), "ES256", keysOf(TestKeys.EC),
                ErrorCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void ps256SignedByAnotherRsaKeyUnderTheProvidersKidIsRefused() {
        RSAKey impostor = new RSAKey.Builder(TestKeys.OTHER_RSA).keyID(TestKeys.RSA.getKeyID()).build();

        assertRefused(TestIdTokens.valid().signedWith(impostor, JWSAlgorithm.PS256), "PS256", keysOf(TestKeys.RSA),
                ErrorCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void es384SignedByTheProvidersP384KeyIsAccepted() {
        assertThat(subjectOf(TestIdTokens.valid().signedWith(P384, JWSAlgorithm.ES384), "ES384", keysOf(P384)))
                .isEqualTo("248289761001");
    }

    @Test
    void anRsaAlgorithmNamingAnEcKeyFindsNoKey() {
        RSAKey rsaUnderTheEcKid = new RSAKey.Builder(TestKeys.RSA).keyID(TestKeys.EC.getKeyID()).build();

        assertRefused(TestIdTokens.valid().signedWith(rsaUnderTheEcKid, JWSAlgorithm.RS256), "RS256", keysOf(TestKeys.EC),
                ErrorCode.ID_TOKEN_KEY_NOT_FOUND);
    }

    @Test
    void es256NamingAP384KeyFindsNoKey() throws Exception {
        ECKey p256UnderTheP384Kid = new ECKeyGenerator(Curve.P_256).keyID(P384.getKeyID()).generate();

        assertRefused(TestIdTokens.valid().signedWith(p256UnderTheP384Kid, JWSAlgorithm.ES256), "ES256", keysOf(P384),
                ErrorCode.ID_TOKEN_KEY_NOT_FOUND);
    }
}
