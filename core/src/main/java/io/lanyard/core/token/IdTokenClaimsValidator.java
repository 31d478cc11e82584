package io.lanyard.core.token;

import com.nimbusds.jwt.JWTClaimsSet;
import io.lanyard.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The claim checks of OpenID Connect Core 1.0 §3.1.3.7 on an ID token whose signature was verified.
 * Returns every failure, in the order of the specification's steps; a missing claim is a failure, never a
 * reason to skip a check.
 */
final class IdTokenClaimsValidator {

    /** OIDC Core §2: sub "MUST NOT exceed 255 ASCII characters". */
    private static final int MAX_SUBJECT_LENGTH = 255;

    private IdTokenClaimsValidator() {
    }

    /** OIDC Core §2 and RFC 7519 §4.1: the claims that are JSON strings in every valid ID token. */
    private static final List<String> STRING_CLAIMS = List.of("iss", "sub", "azp", "nonce");
    /** OIDC Core §2 and RFC 7519 §4.1.4 to §4.1.6: NumericDate claims, JSON numbers of seconds. */
    private static final List<String> NUMBER_CLAIMS = List.of("exp", "iat", "nbf", "auth_time");

    /**
     * Step 0, before any other: each claim the steps read has the JSON type OIDC Core §2 gives it. A claim of another
     * type is refused, never read as absent (which would skip its rule) nor converted (a numeric {@code sub} is not
     * the text of its digits to every provider).
     *
     * @param members the payload as received
     */
    static List<ValidationFailure> checkTypes(Map<String, Object> members) {
        List<ValidationFailure> failures = new ArrayList<>();
        for (String name : STRING_CLAIMS) {
            Object value = members.get(name);
            if (members.containsKey(name) && !(value instanceof String)) {
                failures.add(wrongType(name, "a string", value));
            }
        }
        // OIDC Core §2: aud is an array of case-sensitive strings, or a single one.
        Object audience = members.get("aud");
        if (members.containsKey("aud") && !(audience instanceof String) && !isListOfStrings(audience)) {
            failures.add(wrongType("aud", "a string or an array of strings", audience));
        }
        for (String name : NUMBER_CLAIMS) {
            Object value = members.get(name);
            if (members.containsKey(name) && !(value instanceof Number)) {
                failures.add(wrongType(name, "a number", value));
            }
        }
        return failures;
    }

    private static boolean isListOfStrings(Object value) {
        return value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
    }

    /** Names the type received, never the value: the log must not carry a token's content. */
    private static ValidationFailure wrongType(String name, String expectedType, Object value) {
        return new ValidationFailure(ErrorCode.ID_TOKEN_CLAIM_TYPE_INVALID,
                name + " must be " + expectedType + " but is " + jsonType(value));
    }

    private static String jsonType(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof String) {
            return "a string";
        }
        return value instanceof List ? "an array" : "an object";
    }

    static List<ValidationFailure> validate(JWTClaimsSet claims, IdTokenExpectations expected, Instant now) {
        List<ValidationFailure> failures = new ArrayList<>();
        checkIssuer(claims, expected, failures);
        checkAudience(claims, expected, failures);
        checkTimes(claims, expected, now, failures);
        checkSubject(claims, failures);
        checkNonce(claims, expected, failures);
        checkAuthenticationContext(claims, expected, failures);
        checkAuthenticationAge(claims, expected, now, failures);
        return failures;
    }

    // Step 2: the iss claim MUST exactly match the issuer of the provider.
    private static void checkIssuer(JWTClaimsSet claims, IdTokenExpectations expected, List<ValidationFailure> failures) {
        String issuer = stringClaim(claims, "iss");
        if (!expected.issuer().equals(issuer)) {
            failures.add(new ValidationFailure(ErrorCode.ID_TOKEN_ISSUER_MISMATCH,
                    "iss is " + quoted(issuer) + ", expected " + quoted(expected.issuer())));
        }
    }

    private static void checkAudience(JWTClaimsSet claims, IdTokenExpectations expected, List<ValidationFailure> failures) {
        List<String> audience = audience(claims);
        // Step 3: aud MUST contain our client_id ...
        if (audience == null || !audience.contains(expected.clientId())) {
            failures.add(new ValidationFailure(ErrorCode.ID_TOKEN_AUDIENCE_MISMATCH,
                    "aud " + audience + " does not contain the client id " + quoted(expected.clientId())));
            return;
        }
        // ... and the token MUST be rejected if it lists audiences not trusted by the client.
        for (String other : audience) {
            if (!other.equals(expected.clientId()) && !expected.trustedAudiences().contains(other)) {
                failures.add(new ValidationFailure(ErrorCode.ID_TOKEN_UNTRUSTED_AUDIENCE,
                        "aud contains the untrusted audience " + quoted(other)));
            }
        }
        String authorizedParty = stringClaim(claims, "azp");
        // Step 4: with several audiences, azp identifies the party the token was issued to; we require it.
        if (audience.size() > 1 && authorizedParty == null) {
            failures.add(new ValidationFailure(ErrorCode.ID_TOKEN_AZP_MISMATCH, "several audiences and no azp"));
        }
        // Step 5: if azp is present, it MUST be our client_id.
        if (authorizedParty != null && !authorizedParty.equals(expected.clientId())) {
            failures.add(new ValidationFailure(ErrorCode.ID_TOKEN_AZP_MISMATCH,
                    "azp is " + quoted(authorizedParty) + ", expected " + quoted(expected.clientId())));
        }
    }

    private static void checkTimes(JWTClaimsSet claims, IdTokenExpectations expected, Instant now,
            List<ValidationFailure> failures) {
        long skew = expected.clockSkew().toSeconds();
        // Step 9: the current time MUST be before exp (with the configured skew).
        Instant expiry = instantClaim(claims, "exp");
        if (expiry == null) {
            failures.add(new ValidationFailure(ErrorCode.ID_TOKEN_EXPIRY_MISSING, "exp is missing or not a number"));
        } else if (!now.isBefore(expiry.plusSeconds(skew))) {
            failures.add(new ValidationFailure(ErrorCode.ID_TOKEN_EXPIRED, "expired at " + expiry + ", now " + now));
        }
        // Step 10: iat is required; a token issued in the future (beyond the skew) is refused.
        Instant issuedAt = instantClaim(claims, "iat");
        if (issuedAt == null) {
            failures.add(new ValidationFailure(ErrorCode.ID_TOKEN_ISSUED_AT_MISSING, "iat is missing or not a number"));
        } else if (issuedAt.isAfter(now.plusSeconds(skew))) {
            failures.add(new ValidationFailure(ErrorCode.ID_TOKEN_ISSUED_IN_FUTURE, "issued at " + issuedAt + ", now " + now));
        }
        // RFC 7519 §4.1.5: a token MUST NOT be accepted before nbf, when present.
        if (claims.getClaim("nbf") != null) {
            Instant notBefore = instantClaim(claims, "nbf");
            if (notBefore == null || now.plusSeconds(skew).isBefore(notBefore)) {
                failures.add(new ValidationFailure(ErrorCode.ID_TOKEN_NOT_YET_VALID,
                        "not valid before " + notBefore + ", now " + now));
            }
        }
    }

    // OIDC Core §2: sub is REQUIRED, a locally unique identifier of at most 255 ASCII characters.
    private static void checkSubject(JWTClaimsSet claims, List<ValidationFailure> failures) {
        String subject = stringClaim(claims, "sub");
        if (subject == null || subject.isBlank()) {
            failures.add(new ValidationFailure(ErrorCode.ID_TOKEN_SUBJECT_MISSING, "sub is missing"));
        } else if (subject.length() > MAX_SUBJECT_LENGTH) {
            failures.add(new ValidationFailure(ErrorCode.ID_TOKEN_SUBJECT_MISSING, "sub is longer than 255 characters"));
        }
    }

    // Step 11: we always send a nonce, so the nonce claim MUST be present and equal to it.
    private static void checkNonce(JWTClaimsSet claims, IdTokenExpectations expected, List<ValidationFailure> failures) {
        String nonce = stringClaim(claims, "nonce");
        if (nonce == null) {
            failures.add(new ValidationFailure(ErrorCode.ID_TOKEN_NONCE_MISSING, "nonce is missing"));
        } else if (!MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8),
                expected.nonce().getBytes(StandardCharsets.UTF_8))) {
            failures.add(new ValidationFailure(ErrorCode.ID_TOKEN_NONCE_MISMATCH, "nonce is not the one this login sent"));
        }
    }

    // Step 12: when acr values were requested, the acr claim must be one of them.
    private static void checkAuthenticationContext(JWTClaimsSet claims, IdTokenExpectations expected,
            List<ValidationFailure> failures) {
        if (expected.acrValues().isEmpty()) {
            return;
        }
        String acr = stringClaim(claims, "acr");
        if (acr == null || !expected.acrValues().contains(acr)) {
            failures.add(new ValidationFailure(ErrorCode.ID_TOKEN_ACR_NOT_SATISFIED,
                    "acr is " + quoted(acr) + ", requested one of " + expected.acrValues()));
        }
    }

    // Step 13: when max_age was requested, auth_time MUST be present and not too long ago.
    private static void checkAuthenticationAge(JWTClaimsSet claims, IdTokenExpectations expected, Instant now,
            List<ValidationFailure> failures) {
        if (expected.maxAuthenticationAge().isEmpty()) {
            return;
        }
        Instant authTime = instantClaim(claims, "auth_time");
        if (authTime == null) {
            failures.add(new ValidationFailure(ErrorCode.ID_TOKEN_AUTH_TIME_MISSING, "auth_time is missing"));
            return;
        }
        Instant oldestAccepted = now.minus(expected.maxAuthenticationAge().get()).minus(expected.clockSkew());
        if (authTime.isBefore(oldestAccepted)) {
            failures.add(new ValidationFailure(ErrorCode.ID_TOKEN_AUTH_TOO_OLD,
                    "authenticated at " + authTime + ", older than max_age " + expected.maxAuthenticationAge().get()));
        }
    }

    /** A string claim, or null when absent or of another JSON type. */
    static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    /** aud as a list (RFC 7519 §4.1.3: a string or an array of strings), or null when absent or malformed. */
    private static List<String> audience(JWTClaimsSet claims) {
        Object aud = claims.getClaim("aud");
        if (aud instanceof String single) {
            return List.of(single);
        }
        try {
            List<String> list = claims.getStringListClaim("aud");
            return list == null || list.isEmpty() ? null : list;
        } catch (ParseException e) {
            return null;
        }
    }

    /** A NumericDate claim (seconds since the epoch), or null when absent or not a number. */
    private static Instant instantClaim(JWTClaimsSet claims, String name) {
        try {
            Date date = claims.getDateClaim(name);
            return date == null ? null : date.toInstant();
        } catch (ParseException e) {
            return null;
        }
    }

    private static String quoted(String value) {
        return value == null ? "(none)" : "\"" + value + "\"";
    }
}
