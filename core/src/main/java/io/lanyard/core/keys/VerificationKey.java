package io.lanyard.core.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A provider's public signing key, ready to verify: built once when the key set is fetched. RSASSA-PKCS1-v1_5
 * signatures of an RSA key are checked by {@link RsaPkcs1Verification}; every other algorithm by Nimbus' verifier.
 */
public final class VerificationKey {

    private final JWK jwk;
    private final JWSVerifier verifier;
    private final RsaPkcs1Verification rsa;

    VerificationKey(JWK jwk, JWSVerifier verifier, RSAPublicKey rsaKey) {
        this.jwk = Objects.requireNonNull(jwk, "jwk");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.rsa = rsaKey == null ? null : new RsaPkcs1Verification(rsaKey);
    }

    public JWK jwk() {
        return jwk;
    }

    public String keyId() {
        return jwk.getKeyID();
    }

    /**
     * Whether this key signed the token. False, never an exception, for a signature that is malformed, for another
     * key, or under a critical header parameter (RFC 7515 §4.1.11: Lanyard understands none, so such a token must be
     * refused).
     *
     * @param token              the token's ASCII bytes
     * @param signingInputLength how many of them the signature covers ({@code header.payload})
     * @param signatureSegment   the token's third part, base64url as received
     */
    public boolean verifies(JWSHeader header, byte[] token, int signingInputLength, String signatureSegment) {
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            return false;
        }
        JWSAlgorithm alg = header.getAlgorithm();
        if (rsa != null && RsaPkcs1Verification.handles(alg)) {
            byte[] signature;
            try {
                signature = Base64.getUrlDecoder().decode(signatureSegment);
            } catch (IllegalArgumentException e) {
                return false;
            }
            return rsa.verifies(alg, token, signingInputLength, signature);
        }
        try {
            return verifier.verify(header, Arrays.copyOf(token, signingInputLength), new Base64URL(signatureSegment));
        } catch (JOSEException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "VerificationKey[" + jwk.getKeyType() + " " + keyId() + "]";
    }
}
