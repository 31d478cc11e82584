package io.lanyard.core.bearer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.bearer.BearerOutcome.Granted;
import io.lanyard.core.bearer.BearerOutcome.Refused;
import io.lanyard.core.config.CiProvider;
import io.lanyard.core.config.CiTrustPolicy;
import io.lanyard.core.config.CiTrustPolicyBuilder;
import io.lanyard.core.config.ClaimCondition;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.testing.InMemoryHost;
import io.lanyard.core.testing.MutableClock;
import io.lanyard.core.testing.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CI job tokens on the bearer path (issue 17), every rule with its code, over real HTTP to a stand-in CI's keys. The
 * claims have Bitbucket Pipelines' shape (UUIDs in braces, {@code sub} {@code {repositoryUuid}:{stepUuid}}); the
 * sandbox's stand-in issuers ({@code io.lanyard.sandbox.ci}) cover GitHub's and GitLab's shapes end to end.
 */
class CiTokensTest {

    static final String REPOSITORY = "{6a1f0c9e-3b7d-4e52-8c1a-0d9e7f6b5a43}";
    static final String AUDIENCE = "ari:cloud:bitbucket::workspace/2f4b1b7e-5d1a-4c2e-9a53-8f7c0e6d1a20";
    static final String ACCOUNT = "ci-bot";
    private static final TestRequest GET = new TestRequest("GET", "/rest/api/2/issue/DEMO-1", "192.0.2.10", null);

    private final MutableClock clock = new MutableClock(Instant.now());
    private final InMemoryHost host = new InMemoryHost();
    private final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    private TokenIssuerStandIn ci;
    private ConfigurationHolder configuration;
    private BearerAuthenticator authenticator;

    @BeforeEach
    void start() throws Exception {
        ci = new TokenIssuerStandIn();
        configure(b -> b);
    }

    @AfterEach
    void stop() {
        ci.close();
    }

    private CiTrustPolicyBuilder policy(String id) {
        return CiTrustPolicy.builder().id(id).displayName("Deploy from main").ciProvider(CiProvider.BITBUCKET_PIPELINES)
                .issuer(ci.issuer()).jwksUri(ci.jwksUri()).audiences(List.of(AUDIENCE))
                .conditions(List.of(new ClaimCondition("repositoryUuid", REPOSITORY),
                        new ClaimCondition("branchName", "main")))
                .account(ACCOUNT);
    }

    private void configure(UnaryOperator<CiTrustPolicyBuilder> change, CiTrustPolicy... more) {
        List<CiTrustPolicy> policies = new java.util.ArrayList<>(List.of(change.apply(policy("bbdeploy0001")).build()));
        policies.addAll(List.of(more));
        LanyardConfiguration lanyard = LanyardConfiguration.empty().with(IntegrationKind.CI_TRUST_POLICY, policies);
        if (configuration == null) {
            configuration = new ConfigurationHolder(lanyard);
            authenticator = new BearerAuthenticator(configuration, ClientSecretResolver.fileOnly(), host, host,
                    audit::add, clock, HttpLimits.DEFAULT);
        } else {
            configuration.replace(lanyard);
        }
    }

    /** Bitbucket Pipelines' claims of a step on main of {@link #REPOSITORY}, issued now, valid for an hour. */
    private Map<String, Object> claims() {
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ci.issuer());
        claims.put("aud", AUDIENCE);
        claims.put("sub", REPOSITORY + ":{3c1d8e2f-6b7a-4c90-8e1f-2a3b4c5d6e7f}");
        claims.put("accountUuid", "{0b7c6d5e-4f3a-4b2c-9d1e-0f9a8b7c6d5e}");
        claims.put("workspaceUuid", "{2f4b1b7e-5d1a-4c2e-9a53-8f7c0e6d1a20}");
        claims.put("repositoryUuid", REPOSITORY);
        claims.put("pipelineUuid", "{9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b}");
        claims.put("stepUuid", "{3c1d8e2f-6b7a-4c90-8e1f-2a3b4c5d6e7f}");
        claims.put("branchName", "main");
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(3600).getEpochSecond());
        return claims;
    }

    private String token(UnaryOperator<Map<String, Object>> change) {
        return TokenIssuerStandIn.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(TestKeys.RSA.getKeyID()).build(),
                change.apply(claims()), TestKeys.RSA);
    }

    private BearerOutcome call(String token, TestRequest request) {
        return authenticator.authenticate("Bearer " + token, request, TestRequest.READER);
    }

    private BearerOutcome call(String token) {
        return call(token, GET);
    }

    private static ErrorCode refusedWith(BearerOutcome outcome) {
        assertThat(outcome).isInstanceOf(Refused.class);
        return ((Refused) outcome).code();
    }

    @Test
    void aMatchingJobActsAsTheServiceAccountCreatedMarkedAndAuditedWithItsJob() {
        BearerOutcome outcome = call(token(c -> c));
        assertThat(outcome).isInstanceOf(Granted.class);
        assertThat(((Granted) outcome).username()).isEqualTo(ACCOUNT);
        assertThat(host.attributeOf(ACCOUNT, ServiceAccounts.MARKER_ATTRIBUTE))
                .containsExactly("bbdeploy0001 CI Bitbucket Pipelines");
        AuditEvent granted = audit.get(audit.size() - 1);
        assertThat(granted.type()).isEqualTo(AuditEventType.MACHINE_TOKEN_GRANTED);
        assertThat(granted.integrationId()).hasValue("bbdeploy0001");
        assertThat(granted.details()).containsEntry("repositoryUuid", REPOSITORY).containsEntry("branchName", "main")
                .containsKeys("pipelineUuid", "stepUuid");
    }

    @Test
    void aRepeatCallIsServedFromTheCacheAndAuditedOnce() {
        String token = token(c -> c);
        for (int i = 0; i < 5; i++) {
            assertThat(call(token)).isInstanceOf(Granted.class);
        }
        assertThat(audit).filteredOn(event -> event.type() == AuditEventType.MACHINE_TOKEN_GRANTED).hasSize(1);
        assertThat(ci.jwksRequests.get()).isEqualTo(1);
    }

    @Test
    void aTokenOfAnIssuerNoPolicyNamesIsNotOurs() {
        assertThat(call(token(c -> { c.put("iss", "https://token.actions.githubusercontent.com"); return c; })))
                .isSameAs(BearerOutcome.NOT_OURS);
        assertThat(audit).isEmpty();
    }

    @Test
    void aDisabledPolicyMakesItsIssuersTokensNotOurs() {
        configure(b -> b.enabled(false));
        assertThat(call(token(c -> c))).isSameAs(BearerOutcome.NOT_OURS);
    }

    @Test
    void anotherBranchIsRefusedNamingTheClaimAndAuditedWithThePolicy() {
        BearerOutcome outcome = call(token(c -> { c.put("branchName", "feature/x"); return c; }));
        assertThat(refusedWith(outcome)).isEqualTo(ErrorCode.CI_CONDITION_FAILED);
        assertThat(((Refused) outcome).description()).contains("branchName").contains("feature/x");
        assertThat(((Refused) outcome).httpStatus()).isEqualTo(403);
        AuditEvent refused = audit.get(audit.size() - 1);
        assertThat(refused.type()).isEqualTo(AuditEventType.MACHINE_TOKEN_REFUSED);
        assertThat(refused.code()).hasValue(ErrorCode.CI_CONDITION_FAILED);
        assertThat(refused.integrationId()).hasValue("bbdeploy0001");
        assertThat(refused.details()).containsEntry("branchName", "feature/x").containsEntry("repositoryUuid", REPOSITORY);
    }

    @Test
    void anotherRepositoryIdIsRefusedEvenWithTheSameName() {
        assertThat(refusedWith(call(token(c -> { c.put("repositoryUuid", "{00000000-3b7d-4e52-8c1a-0d9e7f6b5a43}");
            return c; })))).isEqualTo(ErrorCode.CI_CONDITION_FAILED);
    }

    @Test
    void aMissingOrNonTextClaimFailsItsCondition() {
        assertThat(refusedWith(call(token(c -> { c.remove("branchName"); return c; }))))
                .isEqualTo(ErrorCode.CI_CONDITION_FAILED);
        assertThat(refusedWith(call(token(c -> { c.put("branchName", List.of("main")); return c; }))))
                .isEqualTo(ErrorCode.CI_CONDITION_FAILED);
    }

    @Test
    void aGlobConditionMatchesWholeValuesOnly() {
        configure(b -> b.conditions(List.of(new ClaimCondition("repositoryUuid", REPOSITORY),
                new ClaimCondition("branchName", "release/*"))));
        assertThat(call(token(c -> { c.put("branchName", "release/1.2/hotfix"); return c; }))).isInstanceOf(Granted.class);
        assertThat(refusedWith(call(token(c -> { c.put("branchName", "main-release/1"); return c; }))))
                .isEqualTo(ErrorCode.CI_CONDITION_FAILED);
    }

    @Test
    void anotherAudienceIsRefused() {
        BearerOutcome outcome = call(token(c -> { c.put("aud", "ari:cloud:bitbucket::workspace/other"); return c; }));
        assertThat(refusedWith(outcome)).isEqualTo(ErrorCode.CI_AUDIENCE_UNTRUSTED);
        assertThat(((Refused) outcome).httpStatus()).isEqualTo(401);
        assertThat(refusedWith(call(token(c -> { c.remove("aud"); return c; })))).isEqualTo(ErrorCode.CI_AUDIENCE_UNTRUSTED);
    }

    @Test
    void anArrayAudienceIsAcceptedOnlyIfEveryMemberIsTrusted() {
        assertThat(refusedWith(call(token(c -> { c.put("aud", List.of(AUDIENCE, "https://vault.example.com"));
            return c; })))).isEqualTo(ErrorCode.CI_AUDIENCE_UNTRUSTED);
        configure(b -> b.audiences(List.of(AUDIENCE, "https://jira.example.com")));
        assertThat(call(token(c -> { c.put("aud", List.of(AUDIENCE, "https://jira.example.com")); return c; })))
                .isInstanceOf(Granted.class);
        assertThat(refusedWith(call(token(c -> { c.put("aud", List.of()); return c; }))))
                .isEqualTo(ErrorCode.CI_AUDIENCE_UNTRUSTED);
    }

    @Test
    void theFirstPolicyWhoseRulesAllHoldGrants() {
        CiTrustPolicy releases = policy("bbrelease001").displayName("Releases").account("ci-release")
                .conditions(List.of(new ClaimCondition("repositoryUuid", REPOSITORY),
                        new ClaimCondition("branchName", "release/*"))).build();
        configure(b -> b, releases);
        BearerOutcome outcome = call(token(c -> { c.put("branchName", "release/2.0"); return c; }));
        assertThat(((Granted) outcome).username()).isEqualTo("ci-release");
        assertThat(((Granted) outcome).grant().issuerId()).isEqualTo("bbrelease001");
        BearerOutcome neither = call(token(c -> { c.put("branchName", "feature/y"); return c; }));
        assertThat(((Refused) neither).description()).contains("bbdeploy0001").contains("bbrelease001");
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertThat(refusedWith(call(token(c -> { c.put("exp", clock.instant().minusSeconds(61).getEpochSecond());
            return c; })))).isEqualTo(ErrorCode.CI_TOKEN_EXPIRED);
    }

    @Test
    void aTokenNotYetValidOrWithoutIatIsRefused() {
        assertThat(refusedWith(call(token(c -> { c.put("nbf", clock.instant().plusSeconds(120).getEpochSecond());
            return c; })))).isEqualTo(ErrorCode.CI_TOKEN_NOT_YET_VALID);
        assertThat(refusedWith(call(token(c -> { c.put("iat", clock.instant().plusSeconds(120).getEpochSecond());
            return c; })))).isEqualTo(ErrorCode.CI_TOKEN_NOT_YET_VALID);
        assertThat(refusedWith(call(token(c -> { c.remove("iat"); return c; })))).isEqualTo(ErrorCode.CI_TOKEN_CLAIM_INVALID);
        assertThat(refusedWith(call(token(c -> { c.put("exp", "tomorrow"); return c; })))).isEqualTo(ErrorCode.CI_TOKEN_CLAIM_INVALID);
    }

    @Test
    void aTokenOlderThanTheMaximumAgeIsRefusedAtFirstSightAndLater() {
        configure(b -> b.maxTokenAge(Duration.ofMinutes(5)));
        assertThat(refusedWith(call(token(c -> { c.put("iat", clock.instant().minusSeconds(301).getEpochSecond());
            return c; })))).isEqualTo(ErrorCode.CI_TOKEN_TOO_OLD);
        String fresh = token(c -> c);
        assertThat(call(fresh)).isInstanceOf(Granted.class);
        clock.advance(Duration.ofMinutes(6));
        assertThat(refusedWith(call(fresh))).isEqualTo(ErrorCode.CI_TOKEN_TOO_OLD);
    }

    @Test
    void aReadOnlyPolicyAllowsSafeMethodsOnly() {
        configure(b -> b.readOnly(true));
        String token = token(c -> c);
        for (String method : List.of("GET", "HEAD", "OPTIONS")) {
            assertThat(call(token, new TestRequest(method, GET.path(), "192.0.2.10", null))).isInstanceOf(Granted.class);
        }
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "get")) {
            assertThat(refusedWith(call(token, new TestRequest(method, GET.path(), "192.0.2.10", null))))
                    .as(method).isEqualTo(ErrorCode.CI_READ_ONLY);
        }
    }

    @Test
    void pathsOutsideThePrefixesOrNotInNormalFormAreRefused() {
        configure(b -> b.pathPrefixes(List.of("/rest/api/2/issue", "/rest/api/2/version/")));
        String token = token(c -> c);
        for (String allowed : List.of("/rest/api/2/issue", "/rest/api/2/issue/DEMO-1/transitions", "/rest/api/2/version/10")) {
            assertThat(call(token, new TestRequest("POST", allowed, "192.0.2.10", null))).as(allowed).isInstanceOf(Granted.class);
        }
        for (String refused : List.of("/rest/api/2/issues", "/rest/api/2/user", "/rest/api/2/issue/../../2/user",
                "/rest/api/2/issue/./x", "/rest/api/2/issue//x", "/rest/api/2/issue;x/1", "/rest/api/2/issue/%2e%2e/user",
                "/rest/api/2/issue\\..\\user", "")) {
            assertThat(refusedWith(call(token, new TestRequest("POST", refused, "192.0.2.10", null)))).as(refused)
                    .isEqualTo(ErrorCode.CI_PATH_NOT_ALLOWED);
        }
    }

    @Test
    void unsignedAndHmacTokensAreRefused() throws Exception {
        String none = TokenIssuerStandIn.raw("{\"alg\":\"none\"}", com.nimbusds.jose.util.JSONObjectUtils.toJSONString(claims()), "");
        assertThat(refusedWith(call(none))).isEqualTo(ErrorCode.CI_TOKEN_ALGORITHM_REJECTED);
        com.nimbusds.jose.JWSObject hs = new com.nimbusds.jose.JWSObject(new JWSHeader(JWSAlgorithm.HS256),
                new com.nimbusds.jose.Payload(claims()));
        hs.sign(new MACSigner("a-secret-anyone-could-know-0123456789abcdef"));
        assertThat(refusedWith(call(hs.serialize()))).isEqualTo(ErrorCode.CI_TOKEN_ALGORITHM_REJECTED);
        String crit = TokenIssuerStandIn.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
                .criticalParams(java.util.Set.of("exp")).build(), claims(), TestKeys.RSA);
        assertThat(refusedWith(call(crit))).isEqualTo(ErrorCode.CI_TOKEN_ALGORITHM_REJECTED);
    }

    @Test
    void anUnknownKidOrAForeignKeyIsRefused() {
        String unknown = TokenIssuerStandIn.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-2").build(),
                claims(), TestKeys.OTHER_RSA);
        assertThat(refusedWith(call(unknown))).isEqualTo(ErrorCode.CI_TOKEN_KEY_NOT_FOUND);
        String forged = TokenIssuerStandIn.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
                claims(), TestKeys.OTHER_RSA);
        assertThat(refusedWith(call(forged))).isEqualTo(ErrorCode.CI_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void aFloodOfUnknownKidsRefetchesTheKeysAtMostOncePerInterval() {
        assertThat(call(token(c -> c))).isInstanceOf(Granted.class);
        for (int i = 0; i < 50; i++) {
            int n = i;
            String bogus = TokenIssuerStandIn.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bogus-" + n).build(),
                    claims(), TestKeys.OTHER_RSA);
            assertThat(refusedWith(call(bogus))).isEqualTo(ErrorCode.CI_TOKEN_KEY_NOT_FOUND);
        }
        assertThat(ci.jwksRequests.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void aTokenWithAnUnreadableHeaderIsMalformed() {
        String token = token(c -> c);
        String broken = "eyJub3QganNvbg." + token.substring(token.indexOf('.') + 1);
        assertThat(refusedWith(call(broken))).isEqualTo(ErrorCode.CI_TOKEN_MALFORMED);
    }

    @Test
    void anInactiveServiceAccountIsRefused() {
        host.with(new HostUser(ACCOUNT, "CI", "ci@example.com", false));
        assertThat(refusedWith(call(token(c -> c)))).isEqualTo(ErrorCode.CI_ACCOUNT_UNAVAILABLE);
    }

    @Test
    void unreachableKeysAreA503NotRememberedAgainstTheToken() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        configure(b -> b.jwksUri("http://127.0.0.1:" + closed + "/keys.json"));
        String token = token(c -> c);
        BearerOutcome outcome = call(token);
        assertThat(refusedWith(outcome)).isEqualTo(ErrorCode.CI_KEYS_UNAVAILABLE);
        assertThat(((Refused) outcome).httpStatus()).isEqualTo(503);
        assertThat(authenticator.cachedTokens()).isZero();
    }

    @Test
    void noTokenEverReachesTheLogOrTheAuditOrARefusal() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        List<String> tokens = List.of(token(c -> c), token(c -> { c.put("branchName", "x"); return c; }),
                token(c -> { c.put("exp", 1); return c; }));
        List<String> said = new java.util.ArrayList<>();
        try (io.lanyard.core.testing.LogCapture log = io.lanyard.core.testing.LogCapture.start()) {
            tokens.forEach(token -> said.add(String.valueOf(call(token))));
            configure(b -> b.jwksUri("http://127.0.0.1:" + closed + "/keys.json"));
            said.add(String.valueOf(call(tokens.get(0))));
            CiTokenExplainer explainer = new CiTokenExplainer(new io.lanyard.core.http.ProviderHttpClient(
                    HttpLimits.DEFAULT), clock);
            tokens.forEach(token -> said.add(String.valueOf(explainer.explain(token, configuration.current()))));
            said.addAll(log.lines());
        }
        audit.forEach(event -> said.add(event.toString()));
        for (String token : tokens) {
            String signature = token.substring(token.lastIndexOf('.') + 1);
            assertThat(said).noneMatch(line -> line.contains(signature));
        }
    }

    @Test
    void testExplainsEveryPolicyWithoutGrantingOrAuditing() {
        CiTrustPolicy releases = policy("bbrelease001").displayName("Releases")
                .conditions(List.of(new ClaimCondition("repositoryUuid", REPOSITORY),
                        new ClaimCondition("branchName", "release/*"))).build();
        configure(b -> b, releases);
        CiTokenExplainer explainer = new CiTokenExplainer(new io.lanyard.core.http.ProviderHttpClient(HttpLimits.DEFAULT), clock);
        CiTokenExplanation explanation = explainer.explain(token(c -> c), configuration.current());
        assertThat(explanation.ours()).isTrue();
        assertThat(explanation.granting()).hasValueSatisfying(v -> assertThat(v.policyId()).isEqualTo("bbdeploy0001"));
        assertThat(explanation.policies().get(1).failed()).hasValue(ErrorCode.CI_CONDITION_FAILED);
        assertThat(explanation.policies().get(1).description()).hasValueSatisfying(d -> assertThat(d).contains("branchName"));
        assertThat(audit).isEmpty();
        assertThat(host.user(ACCOUNT)).isEmpty();
        assertThat(explainer.explain("Bearer " + token(c -> { c.put("exp", 1); return c; }),
                configuration.current()).rejection()).hasValue(ErrorCode.CI_TOKEN_EXPIRED);
        assertThat(explainer.explain("not-a-jwt", configuration.current()).ours()).isFalse();
    }
}
