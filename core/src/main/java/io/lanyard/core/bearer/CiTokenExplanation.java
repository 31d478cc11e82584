package io.lanyard.core.bearer;

import io.lanyard.core.error.ErrorCode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the admin "Test" of CI trust policies found for a pasted token (never the token itself).
 *
 * @param ours        whether the token's issuer is an enabled policy's (otherwise the request would pass untouched)
 * @param issuer      the token's {@code iss}, when it has one
 * @param rejection   a failed signature or lifetime check, or unreachable keys: no policy was looked at
 * @param description why it is not ours, or what the rejection says
 * @param policies    for each enabled policy of the issuer, in order: whether it grants, or the rule that fails
 */
public record CiTokenExplanation(boolean ours, String issuer, Optional<ErrorCode> rejection,
        Optional<String> description, List<PolicyVerdict> policies) {

    public CiTokenExplanation {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(rejection, "rejection");
        Objects.requireNonNull(description, "description");
        policies = List.copyOf(policies);
    }

    static CiTokenExplanation notOurs(String why) {
        return new CiTokenExplanation(false, "", Optional.empty(), Optional.of(why), List.of());
    }

    static CiTokenExplanation rejected(String issuer, ErrorCode code, String why) {
        return new CiTokenExplanation(true, issuer, Optional.of(code), Optional.of(why), List.of());
    }

    /** The policy that would grant, if any. */
    public Optional<PolicyVerdict> granting() {
        return policies.stream().filter(PolicyVerdict::grants).findFirst();
    }

    /**
     * @param grants      the first policy whose every rule holds
     * @param failed      the rule that fails, when it does not grant
     * @param description what fails (the claim, its value and the condition), or why it does not grant
     */
    public record PolicyVerdict(String policyId, String displayName, boolean grants, Optional<ErrorCode> failed,
            Optional<String> description) {
    }
}
