package io.lanyard.core.bearer;

import static io.lanyard.core.bearer.TokenIssuerStandIn.AUDIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.bearer.BearerOutcome.Granted;
import io.lanyard.core.bearer.BearerOutcome.Refused;
import io.lanyard.core.config.AddressRange;
import io.lanyard.core.config.ClientMapping;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.TokenIssuerConfig;
import io.lanyard.core.config.TokenIssuerConfig.TokenCheck;
import io.lanyard.core.config.TokenIssuerConfigBuilder;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.testing.InMemoryHost;
import io.lanyard.core.testing.MutableClock;
import io.lanyard.core.testing.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every rule of API access with its code, over real HTTP to a stand-in issuer (keys and introspection). */
class BearerAuthenticatorTest {

    private static final String CLIENT = "ci-deployer";
    private static final String ACCOUNT = "svc-deployer";
    private static final TestRequest GET = request("GET", "/rest/api/2/myself", "192.0.2.10", null);

    private final MutableClock clock = new MutableClock(Instant.now());
    private final InMemoryHost host = new InMemoryHost();
    private final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    private TokenIssuerStandIn issuer;
    private ConfigurationHolder configuration;
    private BearerAuthenticator authenticator;

    @BeforeEach
    void start() throws Exception {
        issuer = new TokenIssuerStandIn();
        configure(b -> b);
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    private TokenIssuerConfigBuilder base() {
        return TokenIssuerConfig.builder().id("issuer000001").displayName("Stand-in").issuer(issuer.issuer())
                .jwksUri(issuer.jwksUri()).introspectionEndpoint(issuer.introspectionEndpoint())
                .clientId(TokenIssuerStandIn.CLIENT_ID)
                .clientSecret(StoredSecret.plaintext(Secret.of(TokenIssuerStandIn.CLIENT_SECRET))).audience(AUDIENCE)
                .clientMappings(List.of(mapping(false, List.of(), Optional.empty())));
    }

    private static ClientMapping mapping(boolean readOnly, List<AddressRange> ranges, Optional<Duration> maxAge) {
        return new ClientMapping(CLIENT, ACCOUNT, readOnly, ranges, maxAge);
    }

    private void configure(UnaryOperator<TokenIssuerConfigBuilder> change) {
        TokenIssuerConfig config = change.apply(base()).build();
        LanyardConfiguration lanyard = LanyardConfiguration.empty().with(IntegrationKind.TOKEN_ISSUER, List.of(config));
        if (configuration == null) {
            configuration = new ConfigurationHolder(lanyard);
            authenticator = new BearerAuthenticator(configuration, ClientSecretResolver.fileOnly(), host, host,
                    audit::add, clock, HttpLimits.DEFAULT);
        } else {
            configuration.replace(lanyard);
        }
    }

    static TestRequest request(String method, String path, String remote, String forwardedFor) {
        return new TestRequest(method, path, remote, forwardedFor);
    }

    private BearerOutcome authenticate(String authorization, TestRequest request) {
        return authenticator.authenticate(authorization, request, TestRequest.READER);
    }

    private Map<String, Object> claims() {
        return issuer.claims(CLIENT, clock.instant());
    }

    private String token(UnaryOperator<Map<String, Object>> change) {
        return issuer.token(change.apply(new java.util.LinkedHashMap<>(claims())));
    }

    private BearerOutcome call(String token) {
        return authenticate("Bearer " + token, GET);
    }

    private static ErrorCode refusedWith(BearerOutcome outcome) {
        assertThat(outcome).isInstanceOf(Refused.class);
        return ((Refused) outcome).code();
    }

    // --- what is Lanyard's ---

    @Test
    void aGoodClientCredentialsTokenActsAsTheServiceAccountCreatedAndMarkedOnFirstUse() {
        BearerOutcome outcome = call(token(c -> c));
        assertThat(outcome).isInstanceOf(Granted.class);
        assertThat(((Granted) outcome).username()).isEqualTo(ACCOUNT);
        assertThat(host.user(ACCOUNT)).isPresent();
        assertThat(host.attributeOf(ACCOUNT, ServiceAccounts.MARKER_ATTRIBUTE)).containsExactly("issuer000001 " + CLIENT);
        assertThat(audit).extracting(AuditEvent::type)
                .containsExactly(AuditEventType.ACCOUNT_CREATED, AuditEventType.MACHINE_TOKEN_GRANTED);
    }

    @Test
    void aRepeatCallIsServedFromTheCacheAndAuditedOnce() {
        String token = token(c -> c);
        for (int i = 0; i < 5; i++) {
            assertThat(call(token)).isInstanceOf(Granted.class);
        }
        assertThat(issuer.jwksRequests).hasValue(1);
        assertThat(audit.stream().filter(e -> e.type() == AuditEventType.MACHINE_TOKEN_GRANTED)).hasSize(1);
    }

    @Test
    void everythingElsePassesUntouched() throws Exception {
        assertThat(authenticate(null, GET)).isSameAs(BearerOutcome.NOT_OURS);
        assertThat(authenticate("Basic YWxpY2U6c2VjcmV0", GET)).isSameAs(BearerOutcome.NOT_OURS);
        // A Jira/Confluence personal access token: 12 digits, ':', 20 bytes, Base64 (host-evidence 5.2).
        byte[] pat = new byte[33];
        System.arraycopy("123456789012:".getBytes(), 0, pat, 0, 13);
        assertThat(call(Base64.getEncoder().encodeToString(pat))).isSameAs(BearerOutcome.NOT_OURS);
        // The products' own OAuth 2.0 tokens: HS256, only {"id": …}, no iss.
        SignedJWT product = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder().claim("id", "1234").build());
        product.sign(new MACSigner(new byte[32]));
        assertThat(call(product.serialize())).isSameAs(BearerOutcome.NOT_OURS);
        // Another issuer's JWT, and a string with two dots that is no JWT.
        assertThat(call(token(c -> { c.put("iss", "https://elsewhere.example.com"); return c; })))
                .isSameAs(BearerOutcome.NOT_OURS);
        assertThat(call("not.a.jwt")).isSameAs(BearerOutcome.NOT_OURS);
        assertThat(issuer.jwksRequests).hasValue(0);
        assertThat(issuer.introspectionRequests).hasValue(0);
        assertThat(audit).isEmpty();
    }

    @Test
    void aDisabledIssuersTokensAreNotLanyards() {
        configure(b -> b.enabled(false));
        assertThat(call(token(c -> c))).isSameAs(BearerOutcome.NOT_OURS);
    }

    // --- signature and header (401 invalid_token) ---

    @Test
    void anUnsignedTokenIsRefused() {
        String none = TokenIssuerStandIn.raw("{\"alg\":\"none\",\"typ\":\"at+jwt\"}",
                com.nimbusds.jose.util.JSONObjectUtils.toJSONString(claims()), "");
        assertThat(refusedWith(call(none))).isEqualTo(ErrorCode.BEARER_ALGORITHM_REJECTED);
    }

    @Test
    void anHs256TokenSignedWithThePublicKeyIsRefused() throws Exception {
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt"))
                .build(), JWTClaimsSet.parse(claims()));
        forged.sign(new MACSigner(TestKeys.RSA.toPublicJWK().toRSAPublicKey().getEncoded()));
        assertThat(refusedWith(call(forged.serialize()))).isEqualTo(ErrorCode.BEARER_ALGORITHM_REJECTED);
    }

    @Test
    void aCritHeaderIsRefused() {
        String token = issuer.token(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
                .type(new JOSEObjectType("at+jwt")).criticalParams(java.util.Set.of("exp-ext"))
                .customParam("exp-ext", 1).build(), claims());
        assertThat(refusedWith(call(token))).isEqualTo(ErrorCode.BEARER_ALGORITHM_REJECTED);
    }

    @Test
    void anUnknownKeyIsRefusedAndRefetchesAtMostOnce() {
        for (int i = 0; i < 20; i++) {
            String token = issuer.token(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bogus-" + i)
                    .type(new JOSEObjectType("at+jwt")).build(), claims());
            assertThat(refusedWith(call(token))).isEqualTo(ErrorCode.BEARER_KEY_NOT_FOUND);
        }
        // the first look fetches the keys; bogus key ids refetch at most once per interval
        assertThat(issuer.jwksRequests.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = token(c -> c);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace(CLIENT, "ci-deployes");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        assertThat(refusedWith(call(tampered))).isEqualTo(ErrorCode.BEARER_SIGNATURE_INVALID);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        String token = TokenIssuerStandIn.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
                .type(new JOSEObjectType("at+jwt")).build(), claims(), TestKeys.OTHER_RSA);
        assertThat(refusedWith(call(token))).isEqualTo(ErrorCode.BEARER_SIGNATURE_INVALID);
    }

    @Test
    void typJwtIsRefusedUnlessTheIssuerAllowsIt() {
        String plain = issuer.token(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
                .type(JOSEObjectType.JWT).build(), claims());
        String untyped = issuer.token(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(), claims());
        assertThat(refusedWith(call(plain))).isEqualTo(ErrorCode.BEARER_TYPE_REJECTED);
        assertThat(refusedWith(call(untyped))).isEqualTo(ErrorCode.BEARER_TYPE_REJECTED);
        configure(b -> b.acceptJwtType(true));
        assertThat(call(plain)).isInstanceOf(Granted.class);
        String idTokenTyped = issuer.token(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
                .type(new JOSEObjectType("logout+jwt")).build(), claims());
        assertThat(refusedWith(call(idTokenTyped))).isEqualTo(ErrorCode.BEARER_TYPE_REJECTED);
    }

    // --- claims (401 invalid_token) ---

    @Test
    void anotherAudienceIsRefused() {
        assertThat(refusedWith(call(token(c -> { c.put("aud", List.of("https://confluence.example.com")); return c; }))))
                .isEqualTo(ErrorCode.BEARER_AUDIENCE_MISMATCH);
        assertThat(call(token(c -> { c.put("aud", List.of("other", AUDIENCE)); return c; }))).isInstanceOf(Granted.class);
    }

    @Test
    void anExpiredTokenIsRefusedAfterTheSkewAndTheCachedGrantEndsAtExp() {
        assertThat(refusedWith(call(token(c -> { c.put("exp", clock.instant().minusSeconds(61).getEpochSecond());
            return c; })))).isEqualTo(ErrorCode.BEARER_EXPIRED);
        assertThat(call(token(c -> { c.put("exp", clock.instant().minusSeconds(30).getEpochSecond()); return c; })))
                .isInstanceOf(Granted.class);
        String token = token(c -> { c.put("exp", clock.instant().plusSeconds(120).getEpochSecond()); return c; });
        assertThat(call(token)).isInstanceOf(Granted.class);
        clock.advance(Duration.ofSeconds(200));
        assertThat(refusedWith(call(token))).isEqualTo(ErrorCode.BEARER_EXPIRED);
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        assertThat(refusedWith(call(token(c -> { c.put("nbf", clock.instant().plusSeconds(120).getEpochSecond());
            return c; })))).isEqualTo(ErrorCode.BEARER_NOT_YET_VALID);
        assertThat(refusedWith(call(token(c -> { c.put("iat", clock.instant().plusSeconds(120).getEpochSecond());
            return c; })))).isEqualTo(ErrorCode.BEARER_NOT_YET_VALID);
    }

    @Test
    void missingOrMistypedClaimsAreRefused() {
        assertThat(refusedWith(call(token(c -> { c.remove("exp"); return c; })))).isEqualTo(ErrorCode.BEARER_CLAIM_INVALID);
        assertThat(refusedWith(call(token(c -> { c.put("exp", "tomorrow"); return c; }))))
                .isEqualTo(ErrorCode.BEARER_CLAIM_INVALID);
        assertThat(refusedWith(call(token(c -> { c.put("client_id", 42); return c; }))))
                .isEqualTo(ErrorCode.BEARER_CLAIM_INVALID);
    }

    @Test
    void aTokenWithoutClientIsRefusedAndAzpCounts() {
        assertThat(refusedWith(call(token(c -> { c.remove("client_id"); return c; }))))
                .isEqualTo(ErrorCode.BEARER_CLIENT_MISSING);
        assertThat(call(token(c -> { c.remove("client_id"); c.put("azp", CLIENT); return c; })))
                .isInstanceOf(Granted.class);
    }

    // --- the client and what it may do ---

    @Test
    void aClientNotOnTheAllowListIsRefusedEvenWhenItsSubjectIsAnAllowedClientsId() {
        // RFC 9700 §4.15: sub alone never identifies the client.
        assertThat(refusedWith(call(token(c -> { c.put("client_id", "intruder"); c.put("sub", CLIENT); return c; }))))
                .isEqualTo(ErrorCode.BEARER_CLIENT_NOT_ALLOWED);
        assertThat(host.user(ACCOUNT)).isEmpty();
    }

    @Test
    void missingScopesAreForbiddenWithTheScopesToAskFor() {
        configure(b -> b.requiredScopes(List.of("read", "admin")));
        BearerOutcome outcome = call(token(c -> c));
        assertThat(refusedWith(outcome)).isEqualTo(ErrorCode.BEARER_INSUFFICIENT_SCOPE);
        assertThat(((Refused) outcome).httpStatus()).isEqualTo(403);
        assertThat(((Refused) outcome).requiredScopes()).containsExactly("read", "admin");
        configure(b -> b.requiredScopes(List.of("read", "admin")).allScopesRequired(false));
        assertThat(call(token(c -> c))).isInstanceOf(Granted.class);
        configure(b -> b.requiredScopes(List.of("admin")).allScopesRequired(false));
        assertThat(refusedWith(call(token(c -> c)))).isEqualTo(ErrorCode.BEARER_INSUFFICIENT_SCOPE);
    }

    @Test
    void scpArraysCountAsScopes() {
        configure(b -> b.requiredScopes(List.of("deploy")));
        assertThat(call(token(c -> { c.remove("scope"); c.put("scp", List.of("deploy")); return c; })))
                .isInstanceOf(Granted.class);
    }

    @Test
    void aReadOnlyClientMayOnlyGetAndHead() {
        configure(b -> b.clientMappings(List.of(mapping(true, List.of(), Optional.empty()))));
        String token = token(c -> c);
        assertThat(authenticate("Bearer " + token, GET)).isInstanceOf(Granted.class);
        assertThat(authenticate("Bearer " + token, request("HEAD", "/rest/x", "192.0.2.10", null)))
                .isInstanceOf(Granted.class);
        BearerOutcome post = authenticate("Bearer " + token, request("POST", "/rest/x", "192.0.2.10", null));
        assertThat(refusedWith(post)).isEqualTo(ErrorCode.BEARER_READ_ONLY);
        assertThat(((Refused) post).httpStatus()).isEqualTo(403);
    }

    @Test
    void aPerRequestRefusalIsAuditedOncePerTokenAndRuleNotPerRequest() {
        configure(b -> b.clientMappings(List.of(mapping(true, List.of(AddressRange.parse("192.0.2.0/24").orElseThrow()),
                Optional.empty()))));
        String token = "Bearer " + token(c -> c);
        String other = "Bearer " + token(c -> { c.put("jti", "another"); return c; });
        audit.clear();

        for (int i = 0; i < 100; i++) {
            assertThat(refusedWith(authenticate(token, request("POST", "/rest/x", "192.0.2.10", null))))
                    .isEqualTo(ErrorCode.BEARER_READ_ONLY);
        }
        assertThat(refusedWith(authenticate(token, request("GET", "/rest/x", "203.0.113.9", null))))
                .isEqualTo(ErrorCode.BEARER_SOURCE_ADDRESS_REFUSED);
        assertThat(refusedWith(authenticate(other, request("POST", "/rest/x", "192.0.2.10", null))))
                .isEqualTo(ErrorCode.BEARER_READ_ONLY);

        List<AuditEvent> refusals = audit.stream().filter(e -> e.type() == AuditEventType.MACHINE_TOKEN_REFUSED)
                .toList();
        assertThat(refusals).extracting(e -> e.code().orElseThrow()).containsExactly(ErrorCode.BEARER_READ_ONLY,
                ErrorCode.BEARER_SOURCE_ADDRESS_REFUSED, ErrorCode.BEARER_READ_ONLY);
        assertThat(refusals.get(0).user()).contains(ACCOUNT);
        assertThat(refusals.get(1).sourceAddress()).contains("203.0.113.9");
        assertThat(authenticator.grantsWithAuditedRefusals()).isEqualTo(2);

        configure(b -> b.clientMappings(List.of(mapping(true, List.of(), Optional.empty()))));
        authenticate(token, GET);
        assertThat(authenticator.grantsWithAuditedRefusals()).as("emptied with the cache").isZero();
    }

    @Test
    void sourceRangesUseTheTrustedProxiesAndNeverARawForwardedFor() {
        configure(b -> b.clientMappings(List.of(mapping(false, List.of(AddressRange.parse("10.1.0.0/16").orElseThrow()),
                Optional.empty()))).trustedProxies(List.of("192.0.2.1")));
        String token = "Bearer " + token(c -> c);
        assertThat(authenticate(token, request("GET", "/rest/x", "10.1.2.3", null)))
                .isInstanceOf(Granted.class);
        assertThat(refusedWith(authenticate(token, request("GET", "/rest/x", "10.2.0.1", null))))
                .isEqualTo(ErrorCode.BEARER_SOURCE_ADDRESS_REFUSED);
        // A client that is not a trusted proxy writes X-Forwarded-For itself: it is not read.
        assertThat(refusedWith(authenticate(token, request("GET", "/rest/x", "203.0.113.9", "10.1.2.3"))))
                .isEqualTo(ErrorCode.BEARER_SOURCE_ADDRESS_REFUSED);
        // Through the trusted proxy: the hop it vouches for, not what the client put in front.
        assertThat(authenticate(token, request("GET", "/rest/x", "192.0.2.1", "10.1.2.3")))
                .isInstanceOf(Granted.class);
        assertThat(refusedWith(authenticate(token,
                request("GET", "/rest/x", "192.0.2.1", "10.1.2.3, 203.0.113.9"))))
                .isEqualTo(ErrorCode.BEARER_SOURCE_ADDRESS_REFUSED);
        assertThat(refusedWith(authenticate(token, request("GET", "/rest/x", "192.0.2.1", "not-an-ip"))))
                .isEqualTo(ErrorCode.BEARER_SOURCE_ADDRESS_REFUSED);
    }

    @Test
    void aTokenOlderThanTheClientsMaximumAgeIsRefused() {
        configure(b -> b.clientMappings(List.of(mapping(false, List.of(), Optional.of(Duration.ofMinutes(5))))));
        String token = token(c -> c);
        assertThat(call(token)).isInstanceOf(Granted.class);
        clock.advance(Duration.ofMinutes(6));
        assertThat(refusedWith(call(token))).isEqualTo(ErrorCode.BEARER_TOO_OLD);
        assertThat(refusedWith(call(token(c -> { c.remove("iat"); return c; })))).isEqualTo(ErrorCode.BEARER_TOO_OLD);
    }

    @Test
    void anInactiveServiceAccountIsRefused() {
        host.with(new HostUser(ACCOUNT, "Deployer", "d@example.com", false));
        assertThat(refusedWith(call(token(c -> c)))).isEqualTo(ErrorCode.BEARER_ACCOUNT_UNAVAILABLE);
    }

    @Test
    void aDelegatedTokenActsAsTheExistingUserItsClaimNames() {
        host.with(new HostUser("alice", "Alice", "alice@example.com", true));
        configure(b -> b.delegatedUserClaim("preferred_username"));
        BearerOutcome outcome = call(token(c -> { c.put("client_id", "web-app"); c.put("sub", "u-1");
            c.put("preferred_username", "alice"); return c; }));
        assertThat(((Granted) outcome).username()).isEqualTo("alice");
        assertThat(refusedWith(call(token(c -> { c.put("client_id", "web-app"); c.put("sub", "u-2");
            c.put("preferred_username", "nobody"); return c; })))).isEqualTo(ErrorCode.BEARER_ACCOUNT_UNAVAILABLE);
        // A client-credentials token of an unmapped client names itself as subject: never a user's token.
        assertThat(refusedWith(call(token(c -> { c.put("client_id", "alice"); c.put("sub", "alice");
            c.put("preferred_username", "alice"); return c; })))).isEqualTo(ErrorCode.BEARER_CLIENT_NOT_ALLOWED);
    }

    // --- introspection ---

    private Map<String, Object> activeAnswer() {
        Map<String, Object> answer = new java.util.LinkedHashMap<>(claims());
        answer.put("active", true);
        return answer;
    }

    @Test
    void anOpaqueTokenIsIntrospectedOnlyOnTheConfiguredPaths() {
        configure(b -> b.tokenCheck(TokenCheck.BOTH).opaqueTokenPaths(List.of("/rest/api/")));
        issuer.introspection = token -> token.equals("opaque-1") ? activeAnswer() : Map.of("active", false);
        assertThat(authenticate("Bearer opaque-1", request("GET", "/rest/other", "192.0.2.10", null)))
                .isSameAs(BearerOutcome.NOT_OURS);
        assertThat(issuer.introspectionRequests).hasValue(0);
        assertThat(call("opaque-1")).isInstanceOf(Granted.class);
        assertThat(refusedWith(call("opaque-2"))).isEqualTo(ErrorCode.BEARER_INACTIVE);
        // JWTs of the issuer are still checked locally
        assertThat(call(token(c -> c))).isInstanceOf(Granted.class);
        assertThat(issuer.introspectionRequests).hasValue(2);
    }

    @Test
    void introspectionAnswersAreCheckedLikeTokens() {
        configure(b -> b.tokenCheck(TokenCheck.INTROSPECTION).opaqueTokenPaths(List.of("/rest/")));
        issuer.introspection = token -> switch (token) {
            case "wrong-audience" -> with(activeAnswer(), "aud", "https://other.example.com");
            case "wrong-issuer" -> with(activeAnswer(), "iss", "https://other.example.com");
            case "expired" -> with(activeAnswer(), "exp", clock.instant().minusSeconds(3600).getEpochSecond());
            case "no-active" -> Map.of("scope", "read");
            default -> activeAnswer();
        };
        assertThat(refusedWith(call("wrong-audience"))).isEqualTo(ErrorCode.BEARER_AUDIENCE_MISMATCH);
        assertThat(refusedWith(call("wrong-issuer"))).isEqualTo(ErrorCode.BEARER_CLAIM_INVALID);
        assertThat(refusedWith(call("expired"))).isEqualTo(ErrorCode.BEARER_EXPIRED);
        assertThat(refusedWith(call("no-active"))).isEqualTo(ErrorCode.INTROSPECTION_FAILED);
        assertThat(call("good")).isInstanceOf(Granted.class);
    }

    private static Map<String, Object> with(Map<String, Object> answer, String name, Object value) {
        answer.put(name, value);
        return answer;
    }

    @Test
    void anUnreachableOrRefusingIntrospectionEndpointIs503AndNotRemembered() {
        configure(b -> b.tokenCheck(TokenCheck.INTROSPECTION).opaqueTokenPaths(List.of("/rest/")));
        issuer.introspectionStatus = 500;
        BearerOutcome outcome = call("opaque");
        assertThat(refusedWith(outcome)).isEqualTo(ErrorCode.INTROSPECTION_FAILED);
        assertThat(((Refused) outcome).httpStatus()).isEqualTo(503);
        issuer.introspectionStatus = 200;
        issuer.introspection = token -> activeAnswer();
        assertThat(call("opaque")).isInstanceOf(Granted.class);
        configure(b -> b.tokenCheck(TokenCheck.INTROSPECTION).opaqueTokenPaths(List.of("/rest/"))
                .clientSecret(StoredSecret.plaintext(Secret.of("wrong-secret-0123456789"))));
        assertThat(refusedWith(call("opaque"))).isEqualTo(ErrorCode.INTROSPECTION_FAILED);
    }

    @Test
    void introspectionIsCalledOncePerTokenPerCacheTimeUnder16ConcurrentRequests() throws Exception {
        configure(b -> b.tokenCheck(TokenCheck.INTROSPECTION).opaqueTokenPaths(List.of("/rest/"))
                .introspectionCacheTime(Duration.ofSeconds(30)));
        issuer.introspection = token -> activeAnswer();
        issuer.introspectionDelayMillis = 200;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<BearerOutcome>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> { go.await(); return call("shared-opaque"); }));
            }
            go.countDown();
            for (Future<BearerOutcome> result : results) {
                assertThat(result.get()).isInstanceOf(Granted.class);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(issuer.introspectionRequests).hasValue(1);
        clock.advance(Duration.ofSeconds(31));
        assertThat(call("shared-opaque")).isInstanceOf(Granted.class);
        assertThat(issuer.introspectionRequests).hasValue(2);
    }

    @Test
    void inactiveAnswersAreRememberedBriefly() {
        configure(b -> b.tokenCheck(TokenCheck.INTROSPECTION).opaqueTokenPaths(List.of("/rest/")));
        for (int i = 0; i < 3; i++) {
            assertThat(refusedWith(call("revoked"))).isEqualTo(ErrorCode.BEARER_INACTIVE);
        }
        assertThat(issuer.introspectionRequests).hasValue(1);
        assertThat(audit.stream().filter(e -> e.type() == AuditEventType.MACHINE_TOKEN_REFUSED)).hasSize(1);
        clock.advance(BearerAuthenticator.REFUSAL_CACHE_TIME);
        call("revoked");
        assertThat(issuer.introspectionRequests).hasValue(2);
    }

    // --- load and hostile input ---

    @Test
    void aThousandDistinctTokensOnAColdCacheFetchTheKeysOnce() {
        for (int i = 0; i < 1000; i++) {
            assertThat(call(token(c -> c))).isInstanceOf(Granted.class);
        }
        assertThat(issuer.jwksRequests).hasValue(1);
        assertThat(authenticator.cachedTokens()).isEqualTo(1000);
    }

    @Test
    void hostileTokensAreRefusedWithACode() {
        String huge = "eyJ" + "A".repeat(1024 * 1024);
        assertThat(refusedWith(call(huge))).isEqualTo(ErrorCode.BEARER_TOKEN_MALFORMED);
        String deep = TokenIssuerStandIn.raw("{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}",
                "{\"iss\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "c2ln");
        assertThat(refusedWith(call(deep))).isEqualTo(ErrorCode.BEARER_TOKEN_MALFORMED);
        String duplicate = TokenIssuerStandIn.raw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":\"at+jwt\"}",
                "{\"iss\":\"" + issuer.issuer() + "\",\"iss\":\"x\"}", "c2ln");
        assertThat(refusedWith(call(duplicate))).isEqualTo(ErrorCode.BEARER_TOKEN_MALFORMED);
        assertThat(call("a.b.c")).isSameAs(BearerOutcome.NOT_OURS);
    }

    @Test
    void aConfigurationChangeForgetsWhatWasDecided() {
        String token = token(c -> c);
        assertThat(call(token)).isInstanceOf(Granted.class);
        configure(b -> b.clientMappings(List.of(new ClientMapping("someone-else", ACCOUNT, false, List.of(),
                Optional.empty()))));
        assertThat(refusedWith(call(token))).isEqualTo(ErrorCode.BEARER_CLIENT_NOT_ALLOWED);
    }
}
