package io.lanyard.core.token;

import com.nimbusds.jose.JOSEObjectType;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.keys.KeyRefetch;
import io.lanyard.core.keys.KeySource;
import io.lanyard.core.secret.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Logout token validation as OpenID Connect Back-Channel Logout 1.0 §2.6 requires, step by step, returning every
 * failure with its code. The token comes from whoever posts it to Lanyard's back-channel endpoint, so an unknown key
 * id makes the provider's keys be fetched again only at the rate a client-presented token may
 * ({@link KeyRefetch#RATE_LIMITED}). Single use of {@code jti} (step 8) is checked by the caller, against the
 * cluster's memory, after everything here passed. Thread-safe and stateless.
 */
public final class LogoutTokenValidator {

    /** §2.4: the member of {@code events} that makes a JWT a logout token. */
    public static final String BACK_CHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";
    /**
     * §2.4 asks for a short lifetime ("two minutes" is the example given): a token that claims to live longer than
     * this is refused, which also bounds how long the replay cache must remember its {@code jti}.
     */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(10);

    private static final String WHAT = "logout token";
    /** §2.4: explicitly typed {@code logout+jwt}; Keycloak and others send the generic {@code JWT}, or none. */
    private static final Set<String> ACCEPTED_TYPES = Set.of("logout+jwt", "application/logout+jwt", "jwt");
    private static final List<String> STRING_CLAIMS = List.of("iss", "sub", "sid", "jti");
    private static final List<String> NUMBER_CLAIMS = List.of("iat", "exp", "nbf");
    /** The signature step's codes, which are the ID token's, as a logout token's. */
    private static final Map<ErrorCode, ErrorCode> SIGNATURE_CODES = Map.of(
            ErrorCode.ID_TOKEN_MALFORMED, ErrorCode.LOGOUT_TOKEN_MALFORMED,
            ErrorCode.ID_TOKEN_ALGORITHM_REJECTED, ErrorCode.LOGOUT_TOKEN_ALGORITHM_REJECTED,
            ErrorCode.ID_TOKEN_KEY_NOT_FOUND, ErrorCode.LOGOUT_TOKEN_KEY_NOT_FOUND,
            ErrorCode.ID_TOKEN_SIGNATURE_INVALID, ErrorCode.LOGOUT_TOKEN_SIGNATURE_INVALID);

    private final Clock clock;

    public LogoutTokenValidator(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param provider     the provider whose back-channel endpoint received the token: its issuer, client id, trusted
     *                     audiences, allowed algorithms and clock skew apply
     * @param clientSecret the key of HS* algorithms, used only if the administrator allowed one of them
     * @throws TokenRejectedException listing every failed rule; signature failures stop before the claims
     */
    public ValidatedLogoutToken validate(String rawLogoutToken, IdentityProviderConfig provider,
            Optional<Secret> clientSecret, KeySource keys) {
        CompactJws jws = verifiedSignature(rawLogoutToken, provider, clientSecret, keys);
        checkType(jws.header().getType());
        Map<String, Object> claims = jws.claimsObject(WHAT);
        List<ValidationFailure> failures = checkTypes(claims);
        if (!failures.isEmpty()) {
            throw new TokenRejectedException(WHAT, failures);
        }
        Instant now = clock.instant();
        checkIssuer(claims, provider, failures);
        checkAudience(claims, provider, failures);
        checkTimes(claims, provider.clockSkew(), now, failures);
        checkSubjectOrSession(claims, failures);
        checkEvents(claims, failures);
        checkNoNonce(claims, failures);
        checkTokenId(claims, failures);
        if (!failures.isEmpty()) {
            throw new TokenRejectedException(WHAT, failures);
        }
        return new ValidatedLogoutToken((String) claims.get("iss"), Optional.ofNullable((String) claims.get("sub")),
                Optional.ofNullable((String) claims.get("sid")), (String) claims.get("jti"),
                Instant.ofEpochSecond(((Number) claims.get("exp")).longValue()));
    }

    // Steps 1 to 3: not encrypted (Lanyard registers no encryption), signed with an allowed algorithm by the
    // provider's key, exactly as an ID token is (OIDC Core §3.1.3.7 steps 6 to 8); alg "none" never.
    private static CompactJws verifiedSignature(String raw, IdentityProviderConfig provider,
            Optional<Secret> clientSecret, KeySource keys) {
        try {
            return TokenSignatureVerifier.verify(raw, provider.allowedAlgorithms(), keys, clientSecret, WHAT,
                    KeyRefetch.RATE_LIMITED);
        } catch (TokenRejectedException rejected) {
            throw new TokenRejectedException(WHAT, rejected.failures().stream().map(failure -> new ValidationFailure(
                    SIGNATURE_CODES.getOrDefault(failure.code(), failure.code()), failure.description())).toList());
        }
    }

    // §2.4: "typ" logout+jwt is recommended; the generic JWT (Keycloak) and none are accepted, any other type (an ID
    // token's or access token's typ, "at+jwt") means the token is not a logout token.
    private static void checkType(JOSEObjectType type) {
        if (type != null && !ACCEPTED_TYPES.contains(type.getType().toLowerCase(Locale.ROOT))) {
            throw TokenSignatureVerifier.rejected(WHAT, ErrorCode.LOGOUT_TOKEN_TYPE_REJECTED,
                    "has typ \"" + type.getType() + "\", which is not a logout token's");
        }
    }

    /** Before any claim is read: a claim of the wrong JSON type is refused, never read as absent. */
    private static List<ValidationFailure> checkTypes(Map<String, Object> claims) {
        List<ValidationFailure> failures = new ArrayList<>();
        for (String name : STRING_CLAIMS) {
            if (claims.containsKey(name) && !(claims.get(name) instanceof String)) {
                failures.add(wrongType(name, "a string"));
            }
        }
        for (String name : NUMBER_CLAIMS) {
            if (claims.containsKey(name) && !(claims.get(name) instanceof Number)) {
                failures.add(wrongType(name, "a number"));
            }
        }
        Object audience = claims.get("aud");
        if (claims.containsKey("aud") && !(audience instanceof String) && !isListOfStrings(audience)) {
            failures.add(wrongType("aud", "a string or an array of strings"));
        }
        return failures;
    }

    // Step 4: iss exactly the provider's issuer (as for an ID token, OIDC Core §3.1.3.7 step 2).
    private static void checkIssuer(Map<String, Object> claims, IdentityProviderConfig provider,
            List<ValidationFailure> failures) {
        Object issuer = claims.get("iss");
        if (!provider.issuer().equals(issuer)) {
            failures.add(new ValidationFailure(ErrorCode.LOGOUT_TOKEN_ISSUER_MISMATCH,
                    "iss is " + quoted(issuer) + ", expected " + quoted(provider.issuer())));
        }
    }

    // Step 4: aud contains our client id, and no audience the administrator does not trust (step 3 of §3.1.3.7).
    private static void checkAudience(Map<String, Object> claims, IdentityProviderConfig provider,
            List<ValidationFailure> failures) {
        List<String> audience = audience(claims.get("aud"));
        if (!audience.contains(provider.clientId())) {
            failures.add(new ValidationFailure(ErrorCode.LOGOUT_TOKEN_AUDIENCE_MISMATCH,
                    "aud " + audience + " does not contain the client id " + quoted(provider.clientId())));
            return;
        }
        for (String other : audience) {
            if (!other.equals(provider.clientId()) && !provider.trustedAudiences().contains(other)) {
                failures.add(new ValidationFailure(ErrorCode.LOGOUT_TOKEN_AUDIENCE_MISMATCH,
                        "aud contains the untrusted audience " + quoted(other)));
            }
        }
    }

    // Step 4: iat and exp as for an ID token (§3.1.3.7 steps 9 and 10), and exp short (§2.4).
    private static void checkTimes(Map<String, Object> claims, Duration skew, Instant now,
            List<ValidationFailure> failures) {
        Instant issuedAt = instant(claims.get("iat"));
        Instant expiry = instant(claims.get("exp"));
        if (issuedAt == null) {
            failures.add(new ValidationFailure(ErrorCode.LOGOUT_TOKEN_ISSUED_AT_INVALID, "iat is missing"));
        } else if (issuedAt.isAfter(now.plus(skew))) {
            failures.add(new ValidationFailure(ErrorCode.LOGOUT_TOKEN_ISSUED_AT_INVALID,
                    "issued at " + issuedAt + ", in the future (now " + now + ")"));
        }
        if (expiry == null) {
            failures.add(new ValidationFailure(ErrorCode.LOGOUT_TOKEN_LIFETIME_INVALID, "exp is missing"));
            return;
        }
        if (!now.isBefore(expiry.plus(skew))) {
            failures.add(new ValidationFailure(ErrorCode.LOGOUT_TOKEN_EXPIRED, "expired at " + expiry + ", now " + now));
        }
        if (issuedAt != null && Duration.between(issuedAt, expiry).compareTo(MAX_LIFETIME) > 0) {
            failures.add(new ValidationFailure(ErrorCode.LOGOUT_TOKEN_LIFETIME_INVALID, "lives from " + issuedAt
                    + " to " + expiry + ", longer than the " + MAX_LIFETIME.toMinutes() + " minutes a logout token may"));
        }
        Instant notBefore = instant(claims.get("nbf"));
        if (notBefore != null && now.plus(skew).isBefore(notBefore)) {
            failures.add(new ValidationFailure(ErrorCode.LOGOUT_TOKEN_ISSUED_AT_INVALID,
                    "not valid before " + notBefore + ", now " + now));
        }
    }

    // Step 5: a sub claim, a sid claim, or both.
    private static void checkSubjectOrSession(Map<String, Object> claims, List<ValidationFailure> failures) {
        if (isBlank(claims.get("sub")) && isBlank(claims.get("sid"))) {
            failures.add(new ValidationFailure(ErrorCode.LOGOUT_TOKEN_SUBJECT_MISSING, "has neither sub nor sid"));
        }
    }

    // Step 6: events is a JSON object with the back-channel logout member, whose value is a JSON object (§2.4).
    private static void checkEvents(Map<String, Object> claims, List<ValidationFailure> failures) {
        Object events = claims.get("events");
        if (!(events instanceof Map<?, ?> members)) {
            failures.add(new ValidationFailure(ErrorCode.LOGOUT_TOKEN_EVENTS_INVALID,
                    events == null ? "has no events claim" : "events is not a JSON object"));
        } else if (!(members.get(BACK_CHANNEL_LOGOUT_EVENT) instanceof Map)) {
            failures.add(new ValidationFailure(ErrorCode.LOGOUT_TOKEN_EVENTS_INVALID, "events has no "
                    + BACK_CHANNEL_LOGOUT_EVENT + " member whose value is a JSON object"));
        }
    }

    // Step 7: no nonce, so that a logout token can never pass for an ID token nor the other way round.
    private static void checkNoNonce(Map<String, Object> claims, List<ValidationFailure> failures) {
        if (claims.containsKey("nonce")) {
            failures.add(new ValidationFailure(ErrorCode.LOGOUT_TOKEN_NONCE_PRESENT, "has a nonce claim"));
        }
    }

    // §2.4: jti is REQUIRED; step 8 (single use) needs it.
    private static void checkTokenId(Map<String, Object> claims, List<ValidationFailure> failures) {
        if (isBlank(claims.get("jti"))) {
            failures.add(new ValidationFailure(ErrorCode.LOGOUT_TOKEN_JTI_MISSING, "has no jti"));
        }
    }

    private static ValidationFailure wrongType(String name, String expected) {
        return new ValidationFailure(ErrorCode.LOGOUT_TOKEN_CLAIM_TYPE_INVALID, name + " must be " + expected);
    }

    private static boolean isListOfStrings(Object value) {
        return value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
    }

    private static List<String> audience(Object aud) {
        if (aud instanceof String single) {
            return List.of(single);
        }
        return aud instanceof List<?> list ? list.stream().map(String.class::cast).toList() : List.of();
    }

    private static Instant instant(Object seconds) {
        return seconds instanceof Number number ? Instant.ofEpochSecond(number.longValue()) : null;
    }

    private static boolean isBlank(Object value) {
        return !(value instanceof String text) || text.isBlank();
    }

    private static String quoted(Object value) {
        return value == null ? "(none)" : "\"" + value + "\"";
    }
}
