package io.lanyard.sandbox.ci;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.bearer.BearerAuthenticator;
import io.lanyard.core.bearer.BearerOutcome;
import io.lanyard.core.bearer.BearerOutcome.Granted;
import io.lanyard.core.bearer.BearerOutcome.Refused;
import io.lanyard.core.bearer.BearerRequest;
import io.lanyard.core.config.CiProvider;
import io.lanyard.core.config.CiTrustPolicy;
import io.lanyard.core.config.ClaimCondition;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.sandbox.ci.CiIssuerStandIn.Ci;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stand-in CI issuers against the bearer path, over real HTTP: each CI's shapes (GitHub's and GitLab's keys found
 * by discovery, Bitbucket's at its preset {@code keys.json}) pass a policy on that CI's id claims, and the rules bite
 * on them (GitHub's environment and {@code job_workflow_ref}, GitLab's {@code ref_type}, a renamed repository).
 */
class CiIssuerStandInTest {

    private static CiIssuerStandIn ci;
    private static BearerAuthenticator authenticator;

    /** GET /rest/api/2/issue/DEMO-1 from loopback. */
    private static final BearerRequest<String> READER = new BearerRequest<>() {
        @Override
        public String method(String request) {
            return request;
        }

        @Override
        public String path(String request) {
            return "/rest/api/2/issue/DEMO-1";
        }

        @Override
        public String remoteAddress(String request) {
            return "127.0.0.1";
        }

        @Override
        public String forwardedFor(String request) {
            return null;
        }
    };

    @BeforeAll
    static void start() throws Exception {
        ci = CiIssuerStandIn.start(0, Clock.systemUTC());
        List<CiTrustPolicy> policies = List.of(
                CiTrustPolicy.builder().id("bitbucket001").displayName("Pipelines").ciProvider(CiProvider.BITBUCKET_PIPELINES)
                        .issuer(ci.issuer(Ci.BITBUCKET)).audiences(List.of(CiIssuerStandIn.BITBUCKET_AUDIENCE))
                        .conditions(List.of(new ClaimCondition("repositoryUuid", CiIssuerStandIn.REPOSITORY_UUID)))
                        .account("ci-bitbucket").build(),
                CiTrustPolicy.builder().id("github000001").displayName("Actions").ciProvider(CiProvider.GITHUB_ACTIONS)
                        .issuer(ci.issuer(Ci.GITHUB)).audiences(List.of("https://github.com/octo-org"))
                        .conditions(List.of(new ClaimCondition("repository_id", CiIssuerStandIn.GITHUB_REPOSITORY_ID),
                                new ClaimCondition("repository_owner_id", CiIssuerStandIn.GITHUB_OWNER_ID),
                                new ClaimCondition("job_workflow_ref", "octo-org/octo-repo/.github/workflows/release.yml@*"),
                                new ClaimCondition("ref", "refs/heads/main")))
                        .account("ci-github").readOnly(true).build(),
                CiTrustPolicy.builder().id("gitlab000001").displayName("GitLab").ciProvider(CiProvider.GITLAB)
                        .issuer(ci.issuer(Ci.GITLAB)).audiences(List.of("https://jira.example.com"))
                        .conditions(List.of(new ClaimCondition("project_id", CiIssuerStandIn.GITLAB_PROJECT_ID),
                                new ClaimCondition("ref_type", "branch"), new ClaimCondition("ref_protected", "true")))
                        .account("ci-gitlab").build());
        SandboxUserDirectory directory = new SandboxUserDirectory();
        authenticator = new BearerAuthenticator(new ConfigurationHolder(LanyardConfiguration.empty()
                .with(IntegrationKind.CI_TRUST_POLICY, policies)), ClientSecretResolver.fileOnly(),
                directory, directory, event -> { }, Clock.systemUTC(),
                HttpLimits.DEFAULT);
    }

    @AfterAll
    static void stop() {
        ci.close();
    }

    private static BearerOutcome call(String token, String method) {
        return authenticator.authenticate("Bearer " + token, method, READER);
    }

    private static String grantedAs(BearerOutcome outcome) {
        assertThat(outcome).isInstanceOf(Granted.class);
        return ((Granted) outcome).username();
    }

    private static ErrorCode refusedWith(BearerOutcome outcome) {
        assertThat(outcome).isInstanceOf(Refused.class);
        return ((Refused) outcome).code();
    }

    @Test
    void eachCisSampleJobActsAsItsPolicysAccount() {
        assertThat(grantedAs(call(ci.mint(Ci.BITBUCKET, Map.of()), "POST"))).isEqualTo("ci-bitbucket");
        assertThat(grantedAs(call(ci.mint(Ci.GITHUB, Map.of()), "GET"))).isEqualTo("ci-github");
        assertThat(grantedAs(call(ci.mint(Ci.GITLAB, Map.of()), "POST"))).isEqualTo("ci-gitlab");
    }

    @Test
    void githubsRulesBite() {
        assertThat(refusedWith(call(ci.mint(Ci.GITHUB, Map.of()), "POST"))).isEqualTo(ErrorCode.CI_READ_ONLY);
        assertThat(refusedWith(call(ci.mint(Ci.GITHUB, Map.of("ref", "refs/heads/feature")), "GET")))
                .isEqualTo(ErrorCode.CI_CONDITION_FAILED);
        // a re-created repository of the same name has another id
        assertThat(refusedWith(call(ci.mint(Ci.GITHUB, Map.of("repository_id", "999999")), "GET")))
                .isEqualTo(ErrorCode.CI_CONDITION_FAILED);
        assertThat(refusedWith(call(ci.mint(Ci.GITHUB, Map.of("job_workflow_ref",
                "evil-org/fork/.github/workflows/release.yml@refs/heads/main")), "GET")))
                .isEqualTo(ErrorCode.CI_CONDITION_FAILED);
        assertThat(refusedWith(call(ci.mint(Ci.GITHUB, Map.of("aud", "sts.amazonaws.com")), "GET")))
                .isEqualTo(ErrorCode.CI_AUDIENCE_UNTRUSTED);
    }

    @Test
    void gitlabsRulesBite() {
        assertThat(refusedWith(call(ci.mint(Ci.GITLAB, Map.of("ref_type", "tag")), "GET")))
                .isEqualTo(ErrorCode.CI_CONDITION_FAILED);
        assertThat(refusedWith(call(ci.mint(Ci.GITLAB, Map.of("ref_protected", "false")), "GET")))
                .isEqualTo(ErrorCode.CI_CONDITION_FAILED);
    }

    @Test
    void bitbucketsSubChangesWithEveryStep() {
        String first = ci.mint(Ci.BITBUCKET, Map.of());
        String second = ci.mint(Ci.BITBUCKET, Map.of());
        assertThat(claim(first, "sub")).startsWith(CiIssuerStandIn.REPOSITORY_UUID + ":{").isNotEqualTo(claim(second, "sub"));
    }

    @Test
    void subFollowsTheClaimsAsEachCiDerivesIt() {
        assertThat(claim(ci.mint(Ci.GITHUB, Map.of()), "sub")).isEqualTo("repo:octo-org/octo-repo:ref:refs/heads/main");
        assertThat(claim(ci.mint(Ci.GITHUB, Map.of("environment", "prod")), "sub"))
                .isEqualTo("repo:octo-org/octo-repo:environment:prod");
        assertThat(claim(ci.mint(Ci.GITLAB, Map.of("ref", "v1.0", "ref_type", "tag")), "sub"))
                .isEqualTo("project_path:my-group/my-project:ref_type:tag:ref:v1.0");
        assertThat(claim(ci.mint(Ci.BITBUCKET, Map.of("deploymentEnvironmentUuid", "{e}")), "sub"))
                .startsWith(CiIssuerStandIn.REPOSITORY_UUID + ":{e}:{");
    }

    private static String claim(String token, String name) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(payload);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
