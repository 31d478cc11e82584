package io.lanyard.core.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeyLengthException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.util.Base64URL;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.keys.KeyRefetch;
import io.lanyard.core.keys.KeySource;
import io.lanyard.core.keys.VerificationKey;
import io.lanyard.core.secret.Secret;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that a JWT is signed, with an allowed algorithm, by a key of the provider (OIDC Core 1.0
 * §3.1.3.7 steps 6 to 8). The claims of a token that fails here are never looked at.
 */
final class TokenSignatureVerifier {

    private TokenSignatureVerifier() {
    }

    /**
     * @param what    for messages: "ID token", "userinfo response"
     * @param refetch how soon an unknown key id may make the provider's keys be fetched again (where it came from)
     * @return the token, its signature verified
     * @throws TokenRejectedException with exactly one failure
     */
    static CompactJws verify(String raw, Set<String> allowedAlgorithms, KeySource keys, Optional<Secret> clientSecret,
            String what, KeyRefetch refetch) {
        CompactJws jws = CompactJws.parse(raw, what);
        JWSHeader header = jws.header();
        JWSAlgorithm alg = header.getAlgorithm();
        // Step 7: the alg must be one the administrator allowed for this provider (default RS256 only).
        if (!allowedAlgorithms.contains(alg.getName())) {
            throw rejected(what, ErrorCode.ID_TOKEN_ALGORITHM_REJECTED,
                    "signed with " + alg.getName() + ", allowed: " + allowedAlgorithms);
        }
        // Step 8: HMAC algorithms use the client secret as the key; never a public key of the provider.
        if (JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
            verifyWithClientSecret(jws, clientSecret, what);
            return jws;
        }
        // Step 6: the signature must verify with a key from the provider's jwks_uri.
        List<VerificationKey> candidates = keys.candidatesFor(header, refetch);
        if (candidates.isEmpty()) {
            throw rejected(what, ErrorCode.ID_TOKEN_KEY_NOT_FOUND, "no " + alg.getName() + " key of the provider"
                    + (header.getKeyID() == null ? "" : " with kid \"" + header.getKeyID() + "\""));
        }
        for (VerificationKey candidate : candidates) {
            if (candidate.verifies(header, jws.token(), jws.signingInputLength(), jws.signatureSegment())) {
                return jws;
            }
        }
        throw rejected(what, ErrorCode.ID_TOKEN_SIGNATURE_INVALID, "signature does not verify with "
                + candidates.size() + " candidate key(s)");
    }

    private static void verifyWithClientSecret(CompactJws jws, Optional<Secret> clientSecret, String what) {
        if (clientSecret.isEmpty()) {
            throw rejected(what, ErrorCode.ID_TOKEN_KEY_NOT_FOUND, "is HMAC-signed but no client secret is set");
        }
        boolean verified;
        try {
            verified = new MACVerifier(clientSecret.get().revealBytes())
                    .verify(jws.header(), jws.signingInput(), new Base64URL(jws.signatureSegment()));
        } catch (KeyLengthException e) {
            throw rejected(what, ErrorCode.ID_TOKEN_SIGNATURE_INVALID,
                    "the client secret is too short for " + jws.header().getAlgorithm().getName());
        } catch (JOSEException e) {
            throw rejected(what, ErrorCode.ID_TOKEN_SIGNATURE_INVALID, "HMAC verification failed: " + e.getMessage());
        }
        if (!verified) {
            throw rejected(what, ErrorCode.ID_TOKEN_SIGNATURE_INVALID, "HMAC signature does not verify");
        }
    }

    static TokenRejectedException rejected(String what, ErrorCode code, String description) {
        return new TokenRejectedException(what, List.of(new ValidationFailure(code, what + " " + description)));
    }
}
