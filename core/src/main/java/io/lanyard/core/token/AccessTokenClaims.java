package io.lanyard.core.token;

import io.lanyard.core.config.TokenIssuerConfig;
import io.lanyard.core.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The claim checks an access token passes whether it was verified locally (a JWT, RFC 9068 §4) or by introspection
 * (RFC 7662 §2.2): issuer, audience, lifetime, client. Scopes and what the client may do are the caller's: they
 * decide 403, not 401.
 */
final class AccessTokenClaims {

    private AccessTokenClaims() {
    }

    /**
     * @param what for messages: "access token", "introspection answer"
     * @throws TokenRejectedException with the first rule broken
     */
    static VerifiedAccessToken check(Map<String, Object> claims, TokenIssuerConfig issuer, Instant now, String what) {
        // RFC 9068 §4 / RFC 7662 §4: iss must be exactly the configured issuer.
        Object iss = claims.get("iss");
        if (!issuer.issuer().equals(iss)) {
            throw rejected(what, ErrorCode.BEARER_CLAIM_INVALID, iss == null ? "has no iss" : "has another iss");
        }
        // RFC 9068 §4: aud must contain the identifier of this resource server.
        List<String> audiences = strings(claims, "aud", what);
        if (!audiences.contains(issuer.audience())) {
            throw rejected(what, ErrorCode.BEARER_AUDIENCE_MISMATCH, "is for another audience");
        }
        Duration skew = issuer.clockSkew();
        // RFC 9068 §2.2: exp and iat are required. RFC 7519 §4.1.4: reject at or after exp.
        Instant expiresAt = time(claims, "exp", what).orElseThrow(
                () -> rejected(what, ErrorCode.BEARER_CLAIM_INVALID, "has no exp"));
        if (!now.isBefore(expiresAt.plus(skew))) {
            throw rejected(what, ErrorCode.BEARER_EXPIRED, "expired at " + expiresAt);
        }
        Optional<Instant> notBefore = time(claims, "nbf", what);
        if (notBefore.isPresent() && now.plus(skew).isBefore(notBefore.get())) {
            throw rejected(what, ErrorCode.BEARER_NOT_YET_VALID, "is not valid before " + notBefore.get());
        }
        Optional<Instant> issuedAt = time(claims, "iat", what);
        if (issuedAt.isPresent() && now.plus(skew).isBefore(issuedAt.get())) {
            throw rejected(what, ErrorCode.BEARER_NOT_YET_VALID, "was issued in the future");
        }
        // RFC 9700 §4.15: the client is told by client_id (or azp), never by sub.
        String clientId = string(claims, "client_id", what).or(() -> string(claims, "azp", what)).orElseThrow(
                () -> rejected(what, ErrorCode.BEARER_CLIENT_MISSING, "names no client (client_id or azp)"));
        return new VerifiedAccessToken(issuer.id(), clientId, string(claims, "sub", what), scopes(claims, what),
                expiresAt, issuedAt, Collections.unmodifiableMap(claims));
    }

    /** RFC 9068 §2.2.3: {@code scope} is space-separated; Okta and Entra ID send {@code scp}, Entra app-only {@code roles}. */
    private static List<String> scopes(Map<String, Object> claims, String what) {
        for (String name : List.of("scope", "scp", "roles")) {
            if (claims.get(name) instanceof String text) {
                return text.isBlank() ? List.of() : List.of(text.strip().split(" +"));
            }
            if (claims.containsKey(name)) {
                return strings(claims, name, what);
            }
        }
        return List.of();
    }

    private static List<String> strings(Map<String, Object> claims, String name, String what) {
        Object value = claims.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof String text) {
            return List.of(text);
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            List<String> result = new ArrayList<>(list.size());
            list.forEach(item -> result.add((String) item));
            return result;
        }
        throw rejected(what, ErrorCode.BEARER_CLAIM_INVALID, name + " is neither a string nor an array of strings");
    }

    private static Optional<String> string(Map<String, Object> claims, String name, String what) {
        Object value = claims.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text) || text.isEmpty()) {
            throw rejected(what, ErrorCode.BEARER_CLAIM_INVALID, name + " is not a non-empty string");
        }
        return Optional.of(text);
    }

    private static Optional<Instant> time(Map<String, Object> claims, String name, String what) {
        return time(claims, name, what, ErrorCode.BEARER_CLAIM_INVALID);
    }

    /**
     * RFC 7519 §2 NumericDate: seconds since the epoch, possibly with a fraction; beyond year 9999 is refused.
     *
     * @param invalid the code of a value that is no NumericDate
     */
    static Optional<Instant> time(Map<String, Object> claims, String name, String what, ErrorCode invalid) {
        Object value = claims.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())
                || number.doubleValue() < 0 || number.doubleValue() > 253_402_300_799d) {
            throw rejected(what, invalid, name + " is not a NumericDate");
        }
        return Optional.of(Instant.ofEpochSecond(number.longValue()));
    }

    static TokenRejectedException rejected(String what, ErrorCode code, String description) {
        return TokenSignatureVerifier.rejected(what, code, description);
    }
}
