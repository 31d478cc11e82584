package io.lanyard.core.ci;

import io.lanyard.core.config.CiTrustPolicy;
import io.lanyard.core.config.ClaimCondition;
import io.lanyard.core.error.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the verified claims of a CI job token satisfy one trust policy: issuer, audience, every claim condition.
 * Used alike by the bearer path (which policy grants) and the admin "Test" (why each other policy does not).
 * Stateless.
 */
public final class CiPolicyMatcher {

    private CiPolicyMatcher() {
    }

    /** Why a policy does not match: the rule's code and a description naming the claim (never the token). */
    public record Mismatch(ErrorCode code, String description) {
    }

    /**
     * @param claims the token's claims, its signature and lifetime already verified
     * @return empty when every rule of {@code policy} holds; otherwise the first that does not
     */
    public static Optional<Mismatch> firstMismatch(CiTrustPolicy policy, Map<String, Object> claims) {
        if (!policy.issuer().equals(claims.get("iss"))) {
            return mismatch(ErrorCode.CI_CONDITION_FAILED, "iss is not " + policy.issuer());
        }
        Optional<Mismatch> audience = audienceMismatch(policy.audiences(), claims.get("aud"));
        if (audience.isPresent()) {
            return audience;
        }
        for (ClaimCondition condition : policy.conditions()) {
            Optional<String> value = singleValue(claims.get(condition.claim()));
            if (value.isEmpty()) {
                return mismatch(ErrorCode.CI_CONDITION_FAILED, "claim " + condition.claim()
                        + (claims.containsKey(condition.claim()) ? " is not a single value" : " is missing"));
            }
            if (!holds(condition, value.get())) {
                return mismatch(ErrorCode.CI_CONDITION_FAILED, "claim " + condition.claim() + " is \""
                        + printable(value.get()) + "\", not " + (condition.isGlob() ? "matching " : "") + "\""
                        + condition.expected() + "\"");
            }
        }
        return Optional.empty();
    }

    /**
     * OIDC Core §3.1.3.7 step 3, as the CI rules tighten it: {@code aud} a trusted audience; an array {@code aud} is
     * accepted only if EVERY member is trusted (a token also meant for another service is not ours to spend).
     */
    static Optional<Mismatch> audienceMismatch(List<String> trusted, Object aud) {
        if (aud instanceof String single) {
            return trusted.contains(single) ? Optional.empty()
                    : mismatch(ErrorCode.CI_AUDIENCE_UNTRUSTED, "aud \"" + printable(single) + "\" is not trusted");
        }
        if (aud instanceof List<?> list && !list.isEmpty()) {
            for (Object member : list) {
                if (!(member instanceof String text) || !trusted.contains(text)) {
                    return mismatch(ErrorCode.CI_AUDIENCE_UNTRUSTED, "aud holds "
                            + (member instanceof String text ? "\"" + printable(text) + "\"" : "a non-string")
                            + ", which is not trusted (every member of an array aud must be)");
                }
            }
            return Optional.empty();
        }
        return mismatch(ErrorCode.CI_AUDIENCE_UNTRUSTED, aud == null ? "has no aud" : "aud is neither a string nor a "
                + "non-empty array");
    }

    static boolean holds(ClaimCondition condition, String value) {
        return condition.isGlob() ? Glob.matches(condition.expected(), value) : condition.expected().equals(value);
    }

    /** A claim as text: strings as they are, whole numbers and booleans as JSON writes them; nothing else. */
    static Optional<String> singleValue(Object value) {
        if (value instanceof String text) {
            return Optional.of(text);
        }
        if (value instanceof Long || value instanceof Integer) {
            return Optional.of(value.toString());
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && Math.abs(number.doubleValue()) < 9.007199254740992E15) {
            return Optional.of(Long.toString(number.longValue()));
        }
        if (value instanceof Boolean flag) {
            return Optional.of(flag.toString());
        }
        return Optional.empty();
    }

    private static String printable(String value) {
        String shortened = value.length() > 200 ? value.substring(0, 200) + "…" : value;
        return shortened.replaceAll("[\\p{Cntrl}\"]", "?");
    }

    private static Optional<Mismatch> mismatch(ErrorCode code, String description) {
        return Optional.of(new Mismatch(code, description));
    }
}
