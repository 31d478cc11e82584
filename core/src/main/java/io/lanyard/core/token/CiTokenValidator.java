package io.lanyard.core.token;

import io.lanyard.core.config.CiTrustPolicy;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.keys.KeyRefetch;
import io.lanyard.core.keys.KeySource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks every CI job token passes before any trust policy looks at it (issue 17): an asymmetric signature with a
 * key of the CI, and a lifetime ({@code exp} and {@code iat} required, {@code nbf} respected, {@link
 * CiTrustPolicy#CLOCK_SKEW}). Audience and claim conditions are each policy's ({@code core.ci.CiPolicyMatcher}).
 * Thread-safe and stateless.
 *
 * <p>Like bearer tokens these come from anyone: an unknown {@code kid} refetches keys at most every few seconds
 * ({@link KeyRefetch#RATE_LIMITED}); HMAC and {@code none} are refused (a CI signs with its private key, and an HMAC
 * would be checked with a key the caller can know); {@code crit} is refused; nothing longer than
 * {@link AccessTokenValidator#MAX_TOKEN_LENGTH} is parsed.
 */
public final class CiTokenValidator {

    private static final String WHAT = "CI job token";

    private final Clock clock;

    public CiTokenValidator(Clock clock) {
        this.clock = clock;
    }

    /**
     * @return the token's claims, verified
     * @throws TokenRejectedException with a {@code CI_*} code: the first rule broken
     */
    public VerifiedCiToken validate(String token, KeySource keys) {
        if (token.length() > AccessTokenValidator.MAX_TOKEN_LENGTH) {
            throw rejected(ErrorCode.CI_TOKEN_MALFORMED, "is longer than " + AccessTokenValidator.MAX_TOKEN_LENGTH
                    + " characters");
        }
        // RFC 7515 §4.1.11: Lanyard understands no critical extension.
        if (AccessTokenValidator.hasCriticalHeader(token)) {
            throw rejected(ErrorCode.CI_TOKEN_ALGORITHM_REJECTED, "has critical header parameters");
        }
        CompactJws jws;
        try {
            jws = TokenSignatureVerifier.verify(token, AccessTokenValidator.ASYMMETRIC_ALGORITHMS, keys,
                    Optional.empty(), WHAT, KeyRefetch.RATE_LIMITED);
        } catch (TokenRejectedException e) {
            throw rejected(ciCode(e.errorCode()), e.failures().get(0).description());
        }
        Map<String, Object> claims;
        try {
            claims = jws.claimsObject(WHAT);
        } catch (TokenRejectedException e) {
            throw rejected(ErrorCode.CI_TOKEN_MALFORMED, "payload is not a JSON object");
        }
        return checkLifetime(claims);
    }

    /** RFC 7519 §4.1.4-6 with the skew; CI tokens always carry exp and iat, and the maximum age needs iat. */
    private VerifiedCiToken checkLifetime(Map<String, Object> claims) {
        Instant now = clock.instant();
        Duration skew = CiTrustPolicy.CLOCK_SKEW;
        Instant expiresAt = time(claims, "exp").orElseThrow(() -> rejected(ErrorCode.CI_TOKEN_CLAIM_INVALID, "has no exp"));
        if (!now.isBefore(expiresAt.plus(skew))) {
            throw rejected(ErrorCode.CI_TOKEN_EXPIRED, "expired at " + expiresAt);
        }
        Optional<Instant> notBefore = time(claims, "nbf");
        if (notBefore.isPresent() && now.plus(skew).isBefore(notBefore.get())) {
            throw rejected(ErrorCode.CI_TOKEN_NOT_YET_VALID, "is not valid before " + notBefore.get());
        }
        Instant issuedAt = time(claims, "iat").orElseThrow(() -> rejected(ErrorCode.CI_TOKEN_CLAIM_INVALID, "has no iat"));
        if (now.plus(skew).isBefore(issuedAt)) {
            throw rejected(ErrorCode.CI_TOKEN_NOT_YET_VALID, "was issued in the future");
        }
        return new VerifiedCiToken(Collections.unmodifiableMap(claims), expiresAt, issuedAt);
    }

    private static Optional<Instant> time(Map<String, Object> claims, String name) {
        return AccessTokenClaims.time(claims, name, WHAT, ErrorCode.CI_TOKEN_CLAIM_INVALID);
    }

    private static ErrorCode ciCode(ErrorCode idTokenCode) {
        return switch (idTokenCode) {
            case ID_TOKEN_ALGORITHM_REJECTED -> ErrorCode.CI_TOKEN_ALGORITHM_REJECTED;
            case ID_TOKEN_KEY_NOT_FOUND -> ErrorCode.CI_TOKEN_KEY_NOT_FOUND;
            case ID_TOKEN_SIGNATURE_INVALID -> ErrorCode.CI_TOKEN_SIGNATURE_INVALID;
            default -> ErrorCode.CI_TOKEN_MALFORMED;
        };
    }

    private static TokenRejectedException rejected(ErrorCode code, String description) {
        return new TokenRejectedException(WHAT, List.of(new ValidationFailure(code, description)));
    }

    /**
     * A CI job token whose signature and lifetime hold.
     *
     * @param claims    its claims, unmodifiable
     * @param expiresAt its {@code exp}
     * @param issuedAt  its {@code iat}
     */
    public record VerifiedCiToken(Map<String, Object> claims, Instant expiresAt, Instant issuedAt) {
    }
}
