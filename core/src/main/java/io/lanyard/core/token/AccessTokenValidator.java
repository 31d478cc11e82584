package io.lanyard.core.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import io.lanyard.core.config.TokenIssuerConfig;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.keys.KeyRefetch;
import io.lanyard.core.keys.KeySource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JWT access tokens (RFC 9068) that clients present to the REST API: the signature with the issuer's keys, the type,
 * and the claims every access token must have ({@link AccessTokenClaims}). Thread-safe and stateless.
 *
 * <p>These tokens come from anyone on the network, so: an unknown {@code kid} makes the keys be fetched again at
 * most every few seconds ({@link KeyRefetch#RATE_LIMITED}); only asymmetric algorithms are accepted (an HMAC
 * "signature" would be checked with a key the client can know); {@code crit} is refused (RFC 7515 §4.1.11: Lanyard
 * understands no extension); tokens longer than {@link #MAX_TOKEN_LENGTH} are not parsed.
 */
public final class AccessTokenValidator {

    /** Far above any real access token (Entra ID's carry group lists and stay under 8 KB, Tomcat's header limit). */
    public static final int MAX_TOKEN_LENGTH = 16 * 1024;
    static final Set<String> ASYMMETRIC_ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512");
    /** RFC 9068 §4: the type of a JWT access token; media types compare without case. */
    private static final Set<String> ACCESS_TOKEN_TYPES = Set.of("at+jwt", "application/at+jwt");
    private static final String WHAT = "access token";

    private final Clock clock;

    public AccessTokenValidator(Clock clock) {
        this.clock = clock;
    }

    /**
     * The {@code iss} of a token that has the shape of a JWT, read WITHOUT verifying anything: only to tell whose
     * token it is. Empty for anything else (an opaque token, the products' own tokens, a string with two dots).
     */
    public static Optional<String> unverifiedIssuer(String token) {
        return unverifiedPart(token, 1).map(payload -> payload.get("iss") instanceof String iss ? iss : null);
    }

    /**
     * Whether {@code token} has a JOSE header that is JSON with an asymmetric or absent-from-HMAC {@code alg}: a token
     * that means to be a signed JWT of the kind Lanyard checks, even when its payload cannot be read. The products'
     * own OAuth 2.0 tokens are HS256 (docs/host-evidence.md 5.2), so they never look like this.
     */
    public static boolean looksLikeAsymmetricJwt(String token) {
        return unverifiedPart(token, 0).map(header -> header.get("alg") instanceof String alg
                && !JWSAlgorithm.Family.HMAC_SHA.contains(JWSAlgorithm.parse(alg))).orElse(false);
    }

    private static Optional<Map<String, Object>> unverifiedPart(String token, int index) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
            return Optional.empty();
        }
        String segment = index == 0 ? token.substring(0, first) : token.substring(first + 1, second);
        try {
            byte[] json = Base64.getUrlDecoder().decode(segment.getBytes(StandardCharsets.US_ASCII));
            return Optional.of(TokenJson.object(json, 0, json.length));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    /** Whether the token's JOSE header (read without verifying) has {@code crit}. */
    static boolean hasCriticalHeader(String token) {
        return unverifiedPart(token, 0).map(header -> header.containsKey("crit")).orElse(false);
    }

    /**
     * @param keys the issuer's keys; an unknown key id refetches them at most every few seconds
     * @throws TokenRejectedException with a {@code BEARER_*} code: the first rule broken
     */
    public VerifiedAccessToken validate(String token, TokenIssuerConfig issuer, KeySource keys) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw AccessTokenClaims.rejected(WHAT, ErrorCode.BEARER_TOKEN_MALFORMED,
                    "is longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        // RFC 7515 §4.1.11: a crit parameter Lanyard does not understand (it understands none) makes the token invalid.
        if (hasCriticalHeader(token)) {
            throw AccessTokenClaims.rejected(WHAT, ErrorCode.BEARER_ALGORITHM_REJECTED,
                    "has critical header parameters Lanyard does not understand");
        }
        CompactJws jws;
        try {
            jws = TokenSignatureVerifier.verify(token, ASYMMETRIC_ALGORITHMS, keys, Optional.empty(), WHAT,
                    KeyRefetch.RATE_LIMITED);
        } catch (TokenRejectedException e) {
            throw new TokenRejectedException(WHAT, List.of(new ValidationFailure(bearerCode(e.errorCode()),
                    e.failures().get(0).description())));
        }
        checkType(jws.header().getType(), issuer);
        Map<String, Object> claims;
        try {
            claims = jws.claimsObject(WHAT);
        } catch (TokenRejectedException e) {
            throw AccessTokenClaims.rejected(WHAT, ErrorCode.BEARER_TOKEN_MALFORMED, "payload is not a JSON object");
        }
        return AccessTokenClaims.check(claims, issuer, clock.instant(), WHAT);
    }

    /** RFC 9068 §4: typ must be at+jwt; JWT (or none) only where the administrator allowed it for this issuer. */
    private static void checkType(JOSEObjectType type, TokenIssuerConfig issuer) {
        String value = type == null ? null : type.getType().toLowerCase(Locale.ROOT);
        if (value != null && ACCESS_TOKEN_TYPES.contains(value)) {
            return;
        }
        if (issuer.acceptJwtType() && (value == null || value.equals("jwt"))) {
            return;
        }
        throw AccessTokenClaims.rejected(WHAT, ErrorCode.BEARER_TYPE_REJECTED, value == null ? "has no typ"
                : "has typ \"" + type.getType() + "\", not at+jwt" + (issuer.acceptJwtType() ? " or JWT" : ""));
    }

    private static ErrorCode bearerCode(ErrorCode idTokenCode) {
        return switch (idTokenCode) {
            case ID_TOKEN_ALGORITHM_REJECTED -> ErrorCode.BEARER_ALGORITHM_REJECTED;
            case ID_TOKEN_KEY_NOT_FOUND -> ErrorCode.BEARER_KEY_NOT_FOUND;
            case ID_TOKEN_SIGNATURE_INVALID -> ErrorCode.BEARER_SIGNATURE_INVALID;
            default -> ErrorCode.BEARER_TOKEN_MALFORMED;
        };
    }
}
