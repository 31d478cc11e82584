package io.lanyard.bench.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import io.lanyard.core.bearer.BearerAuthenticator;
import io.lanyard.core.bearer.BearerOutcome;
import io.lanyard.core.bearer.BearerRequest;
import io.lanyard.core.config.ClientMapping;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.TokenIssuerConfig;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.keys.JwksSource;
import io.lanyard.core.token.AccessTokenValidator;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
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
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * API access (issue 16): a JWT access token (RS256, typ at+jwt) checked by Lanyard's {@link BearerAuthenticator} on a
 * repeat call (from the verified-token cache: target under 2 µs, no allocation beyond the lookup) and on first sight
 * ({@link AccessTokenValidator} with cached keys: target at least 0.9 × the raw JDK signature check), next to the raw
 * JDK check and Spring Security's resource server ({@code NimbusJwtDecoder} with issuer, audience and timestamp
 * validators) on the same token. The counts (1,000 tokens on a cold cache → one key fetch; one introspection per token
 * under 16 concurrent requests) are asserted by {@code BearerAuthenticatorTest}, not timed here.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AccessTokenBenchmark {

    private static final String CLIENT = "deploy-bot";
    private static final String AUDIENCE = "https://jira.example.com";
    private static final BearerRequest<String> METHOD_ONLY = new BearerRequest<>() {
        public String method(String request) { return request; }
        public String path(String request) { return "/rest/api/2/myself"; }
        public String remoteAddress(String request) { return "127.0.0.1"; }
        public String forwardedFor(String request) { return null; }
    };

    private String token;
    private String header;
    private LocalJwksEndpoint jwksEndpoint;
    private TokenIssuerConfig issuer;
    private BearerAuthenticator authenticator;
    private AccessTokenValidator validator;
    private JwksSource keys;
    private IdTokenCheck rawJdk;
    private NimbusJwtDecoder spring;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        token = TokenFixtures.sign(TokenFixtures.standardHeader("RS256").type(new JOSEObjectType("at+jwt")).build(),
                new JWTClaimsSet.Builder().issuer(TokenFixtures.ISSUER).subject(CLIENT).audience(AUDIENCE)
                        .claim("client_id", CLIENT).claim("scope", "read write")
                        .issueTime(new Date()).expirationTime(new Date(TokenFixtures.EXPIRES_AT * 1000)).build());
        header = "Bearer " + token;
        jwksEndpoint = new LocalJwksEndpoint(TokenFixtures.publicKeysJson());
        issuer = TokenIssuerConfig.builder().id("benchissuer1").displayName("Bench").issuer(TokenFixtures.ISSUER)
                .jwksUri(jwksEndpoint.uri().toString()).audience(AUDIENCE)
                .clientMappings(List.of(new ClientMapping(CLIENT, "svc-deploy", false, List.of(), Optional.empty())))
                .build();
        authenticator = BearerFixtures.authenticator(IntegrationKind.TOKEN_ISSUER, issuer, "svc-deploy");
        validator = new AccessTokenValidator(Clock.systemUTC());
        keys = new JwksSource(jwksEndpoint.uri(), new ProviderHttpClient(HttpLimits.DEFAULT), Clock.systemUTC());
        rawJdk = Validators.rawJdkSignature("RS256");
        spring = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<SecurityContext>(TokenFixtures.publicKeys()))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(
                        new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"))))
                .build();
        // Spring's default validators take typ JWT only; the processor above checks at+jwt (RFC 9068) instead.
        spring.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                new JwtIssuerValidator(TokenFixtures.ISSUER),
                new JwtClaimValidator<List<String>>("aud", aud -> aud.contains(AUDIENCE)),
                new JwtClaimValidator<String>("client_id", CLIENT::equals)));
        if (!(lanyardRepeatCall() instanceof BearerOutcome.Granted) || lanyardFirstSight() == null
                || rawJdkSignature() == null || springNimbusJwtDecoder() == null) {
            throw new IllegalStateException("a validator refused the fixture access token");
        }
    }

    @TearDown(Level.Trial)
    public void keysStayedCached() {
        BearerFixtures.requireTwoKeyFetches(jwksEndpoint);
    }

    /** A token seen before: the verified-token cache, then the per-request checks. */
    @Benchmark
    public Object lanyardRepeatCall() {
        return authenticator.authenticate(header, "GET", METHOD_ONLY);
    }

    /** A token not seen before, keys cached: signature, type and claims. */
    @Benchmark
    public Object lanyardFirstSight() {
        return validator.validate(token, issuer, keys);
    }

    @Benchmark
    public Object rawJdkSignature() throws Exception {
        return rawJdk.validate(token);
    }

    @Benchmark
    public Object springNimbusJwtDecoder() {
        return spring.decode(token);
    }
}
