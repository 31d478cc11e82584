package io.lanyard.bench.token;

import com.nimbusds.jwt.JWTClaimsSet;
import io.lanyard.core.bearer.BearerAuthenticator;
import io.lanyard.core.bearer.BearerOutcome;
import io.lanyard.core.bearer.BearerRequest;
import io.lanyard.core.ci.CiPolicyMatcher;
import io.lanyard.core.config.CiProvider;
import io.lanyard.core.config.CiTrustPolicy;
import io.lanyard.core.config.ClaimCondition;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.keys.JwksSource;
import io.lanyard.core.token.CiTokenValidator;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * CI jobs without secrets (issue 17): a Bitbucket Pipelines-shaped job token (RS256, UUIDs in braces) under a trust
 * policy with two conditions, read-only and a path prefix. {@code ciRepeatCall}: {@link BearerAuthenticator} for a
 * token seen before (the verified-token cache, then the grant's per-request checks: token age, method, path; target
 * under 2 µs, no allocation beyond the lookup). {@code ciFirstSight}: what a new token costs with cached keys
 * ({@link CiTokenValidator}: signature and lifetime, then {@link CiPolicyMatcher}), next to the raw JDK signature
 * check on the same token.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CiTokenBenchmark {

    private static final String REPOSITORY = "{6a1f0c9e-3b7d-4e52-8c1a-0d9e7f6b5a43}";
    private static final String AUDIENCE = "ari:cloud:bitbucket::workspace/2f4b1b7e-5d1a-4c2e-9a53-8f7c0e6d1a20";
    private static final BearerRequest<String> GET_ISSUE = new BearerRequest<>() {
        public String method(String request) { return request; }
        public String path(String request) { return "/rest/api/2/issue/DEMO-1"; }
        public String remoteAddress(String request) { return "127.0.0.1"; }
        public String forwardedFor(String request) { return null; }
    };

    private String token;
    private String header;
    private LocalJwksEndpoint jwksEndpoint;
    private CiTrustPolicy policy;
    private BearerAuthenticator authenticator;
    private CiTokenValidator validator;
    private JwksSource keys;
    private IdTokenCheck rawJdk;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        String step = "{3c1d8e2f-6b7a-4c90-8e1f-2a3b4c5d6e7f}";
        token = TokenFixtures.sign(TokenFixtures.standardHeader("RS256").build(), new JWTClaimsSet.Builder()
                .issuer(TokenFixtures.ISSUER).subject(REPOSITORY + ":" + step).audience(AUDIENCE)
                .claim("stepUuid", step).claim("accountUuid", "{0b7c6d5e-4f3a-4b2c-9d1e-0f9a8b7c6d5e}")
                .claim("repositoryUuid", REPOSITORY).claim("branchName", "main")
                .claim("pipelineUuid", "{9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b}")
                .claim("workspaceUuid", "{2f4b1b7e-5d1a-4c2e-9a53-8f7c0e6d1a20}")
                .issueTime(new Date()).expirationTime(new Date(TokenFixtures.EXPIRES_AT * 1000)).build());
        header = "Bearer " + token;
        jwksEndpoint = new LocalJwksEndpoint(TokenFixtures.publicKeysJson());
        policy = CiTrustPolicy.builder().id("benchpolicy1").displayName("Bench").ciProvider(CiProvider.BITBUCKET_PIPELINES)
                .issuer(TokenFixtures.ISSUER).jwksUri(jwksEndpoint.uri().toString()).audiences(List.of(AUDIENCE))
                .conditions(List.of(new ClaimCondition("repositoryUuid", REPOSITORY),
                        new ClaimCondition("branchName", "main")))
                .account("ci-bot").readOnly(true).pathPrefixes(List.of("/rest/api/2/issue/")).build();
        authenticator = BearerFixtures.authenticator(IntegrationKind.CI_TRUST_POLICY, policy, "ci-bot");
        validator = new CiTokenValidator(Clock.systemUTC());
        keys = new JwksSource(jwksEndpoint.uri(), new ProviderHttpClient(HttpLimits.DEFAULT), Clock.systemUTC());
        rawJdk = Validators.rawJdkSignature("RS256");
        if (!(ciRepeatCall() instanceof BearerOutcome.Granted) || !Boolean.TRUE.equals(ciFirstSight())
                || rawJdkSignature() == null) {
            throw new IllegalStateException("the fixture CI token was refused");
        }
    }

    @TearDown(Level.Trial)
    public void keysStayedCached() {
        BearerFixtures.requireTwoKeyFetches(jwksEndpoint);
    }

    /** A token seen before: the verified-token cache, then token age, method and path. */
    @Benchmark
    public Object ciRepeatCall() {
        return authenticator.authenticate(header, "GET", GET_ISSUE);
    }

    /** A token not seen before, keys cached: signature, lifetime, then the policy's audience and conditions. */
    @Benchmark
    public Object ciFirstSight() {
        return CiPolicyMatcher.firstMismatch(policy, validator.validate(token, keys).claims()).isEmpty();
    }

    @Benchmark
    public Object rawJdkSignature() throws Exception {
        return rawJdk.validate(token);
    }
}
