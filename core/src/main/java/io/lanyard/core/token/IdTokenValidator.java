package io.lanyard.core.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.keys.KeySource;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ID token validation as OpenID Connect Core 1.0 §3.1.3.7 requires, with Lanyard's stricter choices:
 * several audiences need {@code azp}; untrusted extra audiences are refused; {@code iat} and {@code nonce} are
 * required; tokens typed as access or logout tokens are refused. Thread-safe and stateless.
 */
public final class IdTokenValidator {

    /** RFC 9068 and Back-Channel Logout 1.0 types: such a token is not an ID token, whatever it claims. */
    private static final Set<String> FOREIGN_TYPES = Set.of("at+jwt", "application/at+jwt", "logout+jwt",
            "application/logout+jwt");

    private final Clock clock;

    public IdTokenValidator(Clock clock) {
        this.clock = clock;
    }

    /**
     * @throws TokenRejectedException listing every failed rule; signature failures stop before the claims
     */
    public ValidatedIdToken validate(String rawIdToken, IdTokenExpectations expected, KeySource keys) {
        SignedJWT jwt = TokenSignatureVerifier.verify(rawIdToken, expected.allowedAlgorithms(), keys,
                expected.clientSecret(), "ID token");
        checkType(jwt.getHeader().getType());
        JWTClaimsSet claims = claimsOf(jwt);
        List<ValidationFailure> failures = IdTokenClaimsValidator.validate(claims, expected, clock.instant());
        if (!failures.isEmpty()) {
            throw new TokenRejectedException("ID token", failures);
        }
        return new ValidatedIdToken(claims, rawIdToken);
    }

    private static void checkType(JOSEObjectType type) {
        if (type != null && FOREIGN_TYPES.contains(type.getType().toLowerCase(Locale.ROOT))) {
            throw TokenSignatureVerifier.rejected("ID token", ErrorCode.ID_TOKEN_TYPE_REJECTED,
                    "has typ \"" + type.getType() + "\", which is not an ID token");
        }
    }

    /**
     * The claims of a token whose signature was verified. The payload is decoded with the JDK's base64url decoder:
     * it is most of the token, and Nimbus's own pure-Java codec costs several times more per byte (see
     * BENCHMARKS.md). The signature covers the encoded text, so this reads exactly what the provider signed; an
     * encoding the strict decoder cannot read is refused as malformed.
     */
    static JWTClaimsSet claimsOf(SignedJWT jwt) {
        String json;
        try {
            json = new String(Base64.getUrlDecoder().decode(jwt.getParsedParts()[1].toString()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw TokenSignatureVerifier.rejected("ID token", ErrorCode.ID_TOKEN_MALFORMED,
                    "payload is not base64url: " + e.getMessage());
        }
        try {
            return JWTClaimsSet.parse(json);
        } catch (ParseException e) {
            throw TokenSignatureVerifier.rejected("ID token", ErrorCode.ID_TOKEN_MALFORMED,
                    "payload is not a JSON object: " + e.getMessage());
        }
    }
}
