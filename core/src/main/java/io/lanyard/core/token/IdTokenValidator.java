package io.lanyard.core.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.keys.KeyRefetch;
import io.lanyard.core.keys.KeySource;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
     * @param rawIdToken an ID token from the provider's token endpoint (the back channel): an unknown key id in it
     *                   makes the keys be fetched again at once ({@link KeyRefetch#AT_ONCE})
     * @throws TokenRejectedException listing every failed rule; signature failures stop before the claims
     */
    public ValidatedIdToken validate(String rawIdToken, IdTokenExpectations expected, KeySource keys) {
        CompactJws jws = TokenSignatureVerifier.verify(rawIdToken, expected.allowedAlgorithms(), keys,
                expected.clientSecret(), "ID token", KeyRefetch.AT_ONCE);
        checkType(jws.header().getType());
        Map<String, Object> members = jws.claimsObject("ID token");
        List<ValidationFailure> typeFailures = IdTokenClaimsValidator.checkTypes(members);
        if (!typeFailures.isEmpty()) {
            // Before any claim is read: Nimbus would turn a numeric sub into text, and a check that reads a claim of
            // the wrong type as absent would skip a rule.
            throw new TokenRejectedException("ID token", typeFailures);
        }
        JWTClaimsSet claims = CompactJws.claimsOf(members, "ID token");
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
}
