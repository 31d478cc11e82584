package io.lanyard.core.keys;

import com.nimbusds.jose.JWSAlgorithm;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.Map;

/**
 * RS256/RS384/RS512 (RFC 7518 §3.3, RSASSA-PKCS1-v1_5) verified with the JDK's {@link Signature}, kept initialised
 * for this key per thread. The same primitive Nimbus' {@code RSASSAVerifier} calls, without what it costs per token
 * on top: a provider lookup and {@code initVerify} for every signature, and a pure-Java base64 decoder (together
 * about a tenth of a validation, see BENCHMARKS.md). PSS and the other families stay with Nimbus.
 */
final class RsaPkcs1Verification {

    /** RFC 7518 §3.1: the JWS algorithm names and the JCA names of the same algorithms. */
    private static final Map<JWSAlgorithm, String> JCA_NAMES = Map.of(
            JWSAlgorithm.RS256, "SHA256withRSA",
            JWSAlgorithm.RS384, "SHA384withRSA",
            JWSAlgorithm.RS512, "SHA512withRSA");

    private final RSAPublicKey key;
    /** A Signature is not thread-safe; after verify() it is ready for the next one with the same key. */
    private final ThreadLocal<Map<JWSAlgorithm, Signature>> initialised = ThreadLocal.withInitial(() -> new HashMap<>(4));

    RsaPkcs1Verification(RSAPublicKey key) {
        this.key = key;
    }

    static boolean handles(JWSAlgorithm alg) {
        return JCA_NAMES.containsKey(alg);
    }

    /**
     * @param signingInput the ASCII bytes of {@code header.payload}, as they appear in the token
     * @param signature    the decoded signature
     * @return whether the signature is this key's over the input; false for any malformed signature
     */
    boolean verifies(JWSAlgorithm alg, byte[] signingInput, int signingInputLength, byte[] signature) {
        Map<JWSAlgorithm, Signature> signatures = initialised.get();
        Signature verifier = signatures.get(alg);
        try {
            if (verifier == null) {
                verifier = Signature.getInstance(JCA_NAMES.get(alg));
                verifier.initVerify(key);
                signatures.put(alg, verifier);
            }
            verifier.update(signingInput, 0, signingInputLength);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // A signature of the wrong length or structure: not this key's. The object's state is unknown after
            // an exception, so the next verification starts from a new one.
            signatures.remove(alg);
            return false;
        }
    }
}
