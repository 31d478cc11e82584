package io.lanyard.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import io.lanyard.core.testing.TestKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which published keys may verify which algorithm, and how the admin UI's Test describes the usable ones. */
class VerificationKeysTest {

    @Test
    void onlyRsaAndEcKeysFitAnyAlgorithm() {
        OctetKeyPair ed25519 = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(new byte[32])).keyID("ed").build();

        assertThat(VerificationKeys.fits(ed25519, JWSAlgorithm.EdDSA)).isFalse();
        assertThat(VerificationKeys.fits(TestKeys.RSA, JWSAlgorithm.RS256)).isTrue();
        assertThat(VerificationKeys.fits(TestKeys.EC, JWSAlgorithm.ES256)).isTrue();
        assertThat(VerificationKeys.fits(TestKeys.EC, JWSAlgorithm.ES384)).as("P-256 key, P-384 algorithm").isFalse();
        assertThat(VerificationKeys.fits(TestKeys.EC, JWSAlgorithm.RS256)).isFalse();
    }

    @Test
    void describeNamesEachUsableKeyByKidAndType() {
        ECKey withoutKid = new ECKey.Builder(TestKeys.EC.toPublicJWK()).keyID(null).build();

        VerificationKeys keys = VerificationKeys.from(new JWKSet(List.of(TestKeys.RSA, withoutKid)), "test");

        assertThat(keys.summaries()).containsExactly(new KeySummary(java.util.Optional.of("rsa-1"), "RSA"),
                new KeySummary(java.util.Optional.empty(), "EC"));
        assertThat(keys.describe()).containsExactly("rsa-1 RSA", "(no kid) EC");
    }

    @Test
    void aKeyDescribesItselfByTypeAndKid() {
        VerificationKey key = VerificationKeys.from(new JWKSet(List.of(TestKeys.RSA)), "test")
                .candidatesFor(new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build()).get(0);

        assertThat(key).hasToString("VerificationKey[RSA rsa-1]");
    }

    @Test
    void anEmptySetHasNoCandidates() {
        assertThat(VerificationKeys.empty().size()).isZero();
        assertThat(VerificationKeys.empty().describe()).isEmpty();
    }
}
