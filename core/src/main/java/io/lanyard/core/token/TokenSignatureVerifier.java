package io.lanyard.core.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeyLengthException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.keys.KeySource;
import io.lanyard.core.keys.VerificationKey;
import io.lanyard.core.secret.Secret;
import java.text.ParseException;
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
     * @param what for messages: "ID token", "userinfo response"
     * @return the token, its signature verified
     * @throws TokenRejectedException with exactly one failure
     */
    static SignedJWT verify(String raw, Set<String> allowedAlgorithms, KeySource keys, Optional<Secret> clientSecret,
            String what) {
        SignedJWT jwt = parseSigned(raw, what);
        JWSHeader header = jwt.getHeader();
        JWSAlgorithm alg = header.getAlgorithm();
        // Step 7: the alg must be one the administrator allowed for this provider (default RS256 only).
        if (!allowedAlgorithms.contains(alg.getName())) {
            throw rejected(what, ErrorCode.ID_TOKEN_ALGORITHM_REJECTED,
                    "signed with " + alg.getName() + ", allowed: " + allowedAlgorithms);
        }
        // Step 8: HMAC algorithms use the client secret as the key; never a public key of the provider.
        if (JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
            verifyWithClientSecret(jwt, clientSecret, what);
            return jwt;
        }
        // Step 6: the signature must verify with a key from the provider's jwks_uri.
        List<VerificationKey> candidates = keys.candidatesFor(header);
        if (candidates.isEmpty()) {
            throw rejected(what, ErrorCode.ID_TOKEN_KEY_NOT_FOUND, "no " + alg.getName() + " key of the provider"
                    + (header.getKeyID() == null ? "" : " with kid \"" + header.getKeyID() + "\""));
        }
        for (VerificationKey candidate : candidates) {
            if (verifies(jwt, candidate)) {
                return jwt;
            }
        }
        throw rejected(what, ErrorCode.ID_TOKEN_SIGNATURE_INVALID, "signature does not verify with "
                + candidates.size() + " candidate key(s)");
    }

    private static SignedJWT parseSigned(String raw, String what) {
        try {
            // The common case, with the header decoded and parsed once (JWTParser would do both twice).
            // SignedJWT.parse refuses every other kind of token: alg none, a JWE, no JWT at all.
            return SignedJWT.parse(raw);
        } catch (ParseException notSigned) {
            throw notSigned(raw, what);
        }
    }

    /** Why a token is not a signed JWT: told apart only on this failure path. */
    private static TokenRejectedException notSigned(String raw, String what) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(raw);
        } catch (ParseException e) {
            return rejected(what, ErrorCode.ID_TOKEN_MALFORMED, "is not a JWT: " + e.getMessage());
        }
        if (jwt instanceof PlainJWT) {
            // alg "none": an unsigned token proves nothing and is refused whatever the configuration says.
            return rejected(what, ErrorCode.ID_TOKEN_ALGORITHM_REJECTED, "is unsigned (alg none)");
        }
        if (jwt instanceof EncryptedJWT) {
            return rejected(what, ErrorCode.ID_TOKEN_MALFORMED, "is encrypted, which Lanyard does not request");
        }
        return rejected(what, ErrorCode.ID_TOKEN_MALFORMED, "is not a signed JWT");
    }

    private static void verifyWithClientSecret(SignedJWT jwt, Optional<Secret> clientSecret, String what) {
        if (clientSecret.isEmpty()) {
            throw rejected(what, ErrorCode.ID_TOKEN_KEY_NOT_FOUND, "is HMAC-signed but no client secret is set");
        }
        try {
            if (!jwt.verify(new MACVerifier(clientSecret.get().revealBytes()))) {
                throw rejected(what, ErrorCode.ID_TOKEN_SIGNATURE_INVALID, "HMAC signature does not verify");
            }
        } catch (KeyLengthException e) {
            throw rejected(what, ErrorCode.ID_TOKEN_SIGNATURE_INVALID,
                    "the client secret is too short for " + jwt.getHeader().getAlgorithm().getName());
        } catch (JOSEException e) {
            throw rejected(what, ErrorCode.ID_TOKEN_SIGNATURE_INVALID, "HMAC verification failed: " + e.getMessage());
        }
    }

    private static boolean verifies(SignedJWT jwt, VerificationKey key) {
        try {
            return jwt.verify(key.verifier());
        } catch (JOSEException e) {
            return false; // e.g. a critical header the verifier does not understand: not this key's signature
        }
    }

    static TokenRejectedException rejected(String what, ErrorCode code, String description) {
        return new TokenRejectedException(what, List.of(new ValidationFailure(code, what + " " + description)));
    }
}
