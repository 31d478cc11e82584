package io.lanyard.core.ci;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.ci.CiPolicyMatcher.Mismatch;
import io.lanyard.core.config.CiProvider;
import io.lanyard.core.config.CiTrustPolicy;
import io.lanyard.core.config.ClaimCondition;
import io.lanyard.core.error.ErrorCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The policy rules on verified claims, one by one: issuer, audience (string and array), conditions, globs, types. */
class CiPolicyMatcherTest {

    private static final String ISSUER = "https://token.actions.githubusercontent.com";

    private static CiTrustPolicy policy(ClaimCondition... conditions) {
        return CiTrustPolicy.builder().id("github000001").displayName("Actions").ciProvider(CiProvider.GITHUB_ACTIONS)
                .issuer(ISSUER).audiences(List.of("https://github.com/octo-org", "jira")).conditions(List.of(conditions))
                .account("ci-bot").build();
    }

    private static Map<String, Object> claims(Object... pairs) {
        Map<String, Object> claims = new HashMap<>(Map.of("iss", ISSUER, "aud", "jira"));
        for (int i = 0; i < pairs.length; i += 2) {
            claims.put((String) pairs[i], pairs[i + 1]);
        }
        return claims;
    }

    private static Optional<ErrorCode> code(CiTrustPolicy policy, Map<String, Object> claims) {
        return CiPolicyMatcher.firstMismatch(policy, claims).map(Mismatch::code);
    }

    @Test
    void everyRuleHolding() {
        assertThat(code(policy(new ClaimCondition("repository_id", "892374")), claims("repository_id", "892374")))
                .isEmpty();
    }

    @Test
    void anotherIssuerNeverMatches() {
        assertThat(code(policy(new ClaimCondition("repository_id", "1")), claims("repository_id", "1",
                "iss", "https://evil.example.com"))).hasValue(ErrorCode.CI_CONDITION_FAILED);
    }

    @Test
    void audiences() {
        CiTrustPolicy policy = policy(new ClaimCondition("repository_id", "1"));
        assertThat(code(policy, claims("repository_id", "1", "aud", List.of("jira", "https://github.com/octo-org"))))
                .isEmpty();
        assertThat(code(policy, claims("repository_id", "1", "aud", List.of("jira", "sts.amazonaws.com"))))
                .hasValue(ErrorCode.CI_AUDIENCE_UNTRUSTED);
        assertThat(code(policy, claims("repository_id", "1", "aud", List.of("jira", 7))))
                .hasValue(ErrorCode.CI_AUDIENCE_UNTRUSTED);
        assertThat(code(policy, claims("repository_id", "1", "aud", 7))).hasValue(ErrorCode.CI_AUDIENCE_UNTRUSTED);
        assertThat(code(policy, claims("repository_id", "1", "aud", "JIRA"))).hasValue(ErrorCode.CI_AUDIENCE_UNTRUSTED);
    }

    @Test
    void everyConditionMustHold() {
        CiTrustPolicy policy = policy(new ClaimCondition("repository_id", "1"), new ClaimCondition("ref", "refs/heads/main"));
        assertThat(code(policy, claims("repository_id", "1", "ref", "refs/heads/main"))).isEmpty();
        assertThat(code(policy, claims("repository_id", "1", "ref", "refs/heads/dev")))
                .hasValue(ErrorCode.CI_CONDITION_FAILED);
        assertThat(code(policy, claims("repository_id", "2", "ref", "refs/heads/main")))
                .hasValue(ErrorCode.CI_CONDITION_FAILED);
        assertThat(CiPolicyMatcher.firstMismatch(policy, claims("repository_id", "1")).orElseThrow().description())
                .isEqualTo("claim ref is missing");
    }

    @Test
    void numbersAndBooleansCompareAsJsonWritesThem() {
        assertThat(CiPolicyMatcher.singleValue(20L)).hasValue("20");
        assertThat(CiPolicyMatcher.singleValue(20)).hasValue("20");
        assertThat(CiPolicyMatcher.singleValue(20.0d)).hasValue("20");
        assertThat(CiPolicyMatcher.singleValue(20.5d)).isEmpty();
        // a JSON number read as a double is exact only below 2^53: from there on two ids could read as one
        assertThat(CiPolicyMatcher.singleValue(9.007199254740991E15)).hasValue("9007199254740991");
        assertThat(CiPolicyMatcher.singleValue(9.007199254740992E15)).as("2^53").isEmpty();
        assertThat(CiPolicyMatcher.singleValue(true)).hasValue("true");
        assertThat(CiPolicyMatcher.singleValue(List.of("a"))).isEmpty();
        assertThat(CiPolicyMatcher.singleValue(Map.of())).isEmpty();
        assertThat(CiPolicyMatcher.singleValue(null)).isEmpty();
        assertThat(code(policy(new ClaimCondition("runner_id", "1")), claims("runner_id", 1L))).isEmpty();
    }

    @Test
    void globs() {
        assertThat(Glob.matches("refs/heads/release/*", "refs/heads/release/1.2/hotfix")).isTrue();
        assertThat(Glob.matches("refs/heads/release/*", "refs/heads/release/")).isTrue();
        assertThat(Glob.matches("refs/heads/release/*", "refs/heads/releases")).isFalse();
        assertThat(Glob.matches("*/main", "refs/heads/main")).isTrue();
        assertThat(Glob.matches("*/main", "refs/heads/main2")).isFalse();
        assertThat(Glob.matches("v?.?", "v1.2")).isTrue();
        assertThat(Glob.matches("v?.?", "v1.22")).isFalse();
        assertThat(Glob.matches("a*b*c", "a-x-b-y-c")).isTrue();
        assertThat(Glob.matches("a*b*c", "a-x-c-y-b")).isFalse();
        assertThat(Glob.matches("abc", "ABC")).isFalse();
        assertThat(Glob.matches("a**", "a")).isTrue();
        assertThat(Glob.matches("*" .repeat(30) + "x", "a".repeat(5000))).isFalse();
    }

    @Test
    void aValueWithoutWildcardsIsExactNotAGlob() {
        assertThat(CiPolicyMatcher.holds(new ClaimCondition("ref", "refs/heads/main"), "refs/heads/main")).isTrue();
        assertThat(CiPolicyMatcher.holds(new ClaimCondition("ref", "refs/heads/main"), "refs/heads/mainline")).isFalse();
        assertThat(CiPolicyMatcher.holds(new ClaimCondition("ref", "refs/heads/*"), "refs/heads/x")).isTrue();
    }
}
