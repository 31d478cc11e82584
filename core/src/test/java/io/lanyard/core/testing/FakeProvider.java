package io.lanyard.core.testing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A small, strict OpenID provider over real HTTP (the JDK's server on 127.0.0.1) for core tests: discovery,
 * keys, token endpoint (client authentication, single-use codes, exact redirect_uri, PKCE S256) and userinfo.
 * Tests change its behaviour through the public fields; every request is counted.
 */
public final class FakeProvider implements AutoCloseable {

    public static final String CLIENT_ID = "lanyard-client";
    public static final String CLIENT_SECRET = "s3cr3t-of-the-fake-provider-0123456789";

    private final HttpServer server;
    private final Clock clock;
    private final Map<String, IssuedCode> codes = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public final AtomicInteger discoveryRequests = new AtomicInteger();
    public final AtomicInteger jwksRequests = new AtomicInteger();
    public final AtomicInteger tokenRequests = new AtomicInteger();
    public final AtomicInteger userInfoRequests = new AtomicInteger();

    /** Keys published at the jwks_uri; the first one signs. */
    public volatile List<JWK> keys = List.of(TestKeys.RSA);
    public volatile JWSAlgorithm signingAlgorithm = JWSAlgorithm.RS256;
    /** Changes the discovery document before it is served. */
    public volatile UnaryOperator<Map<String, Object>> discoveryCustomizer = UnaryOperator.identity();
    /** Changes each ID token before it is signed. */
    public volatile Consumer<TestIdTokens> idTokenCustomizer = token -> { };
    public volatile Map<String, Object> userInfoClaims = Map.of();
    public volatile int discoveryStatus = 200;
    public volatile int jwksStatus = 200;
    public volatile int userInfoStatus = 200;
    /** When set, the token endpoint answers this status and body instead of checking anything. */
    public volatile Integer tokenStatusOverride;
    public volatile String tokenBodyOverride;
    public volatile boolean omitIdToken;
    public volatile boolean omitAccessToken;
    /** When set, userinfo answers {@code application/jwt}: its claims signed with the first key, changed by this first. */
    public volatile Consumer<TestIdTokens> signedUserInfo;
    public volatile long delayMillis;
    /** The last token request's headers and form, for assertions on client authentication. */
    public volatile Map<String, List<String>> lastTokenHeaders = Map.of();
    public volatile Map<String, String> lastTokenForm = Map.of();
    /** The path of the last request for keys (the jwks_uri the client used). */
    public volatile String lastJwksPath;
    /** The client secrets the token endpoint accepts: a rotation at the provider changes this set. */
    public volatile Set<String> acceptedSecrets = Set.of(CLIENT_SECRET);
    /**
     * The keys a {@code private_key_jwt} client assertion is checked against (as a provider reads them from the
     * client's JWKS URL), and the audiences it accepts; null: assertions are refused.
     */
    public volatile Supplier<JWKSet> clientKeys;
    public volatile Set<String> acceptedAssertionAudiences = Set.of();
    /** The {@code jti}s of assertions seen, for the replay check RFC 7523 §3 allows. */
    private final Set<String> seenAssertionIds = ConcurrentHashMap.newKeySet();

    private record IssuedCode(String nonce, String codeChallenge, String redirectUri, String subject,
            Map<String, Object> extraClaims) {
    }

    private FakeProvider(Clock clock) throws IOException {
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", this::jwks);
        server.createContext("/token", this::token);
        server.createContext("/userinfo", this::userInfo);
        server.start();
    }

    public static FakeProvider start(Clock clock) {
        try {
            return new FakeProvider(clock);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** http://localhost:port — "localhost" because plain http is accepted only for loopback names. */
    public String issuer() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public URI discoveryUrl() {
        return URI.create(issuer() + "/.well-known/openid-configuration");
    }

    /**
     * What the provider does when a person logs in: records a single-use code bound to the request's nonce,
     * PKCE challenge and redirect URI, and returns it.
     */
    public String authorize(URI authorizationRequest, String subject, Map<String, Object> extraClaims) {
        Map<String, String> query = parseForm(authorizationRequest.getRawQuery());
        String code = Base64URL.encode(randomBytes()).toString();
        codes.put(code, new IssuedCode(query.get("nonce"), query.get("code_challenge"), query.get("redirect_uri"),
                subject, extraClaims));
        return code;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        discoveryRequests.incrementAndGet();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer());
        document.put("authorization_endpoint", issuer() + "/authorize");
        document.put("token_endpoint", tokenEndpoint());
        document.put("userinfo_endpoint", issuer() + "/userinfo");
        document.put("jwks_uri", issuer() + "/jwks");
        document.put("response_types_supported", List.of("code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256", "ES256"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        respond(exchange, discoveryStatus, "application/json", Json.write(discoveryCustomizer.apply(document)));
    }

    private void jwks(HttpExchange exchange) throws IOException {
        jwksRequests.incrementAndGet();
        lastJwksPath = exchange.getRequestURI().getPath();
        respond(exchange, jwksStatus, "application/json", new JWKSet(keys).toPublicJWKSet().toString());
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        lastTokenHeaders = Map.copyOf(exchange.getRequestHeaders());
        lastTokenForm = form;
        if (tokenStatusOverride != null) {
            respond(exchange, tokenStatusOverride, "application/json", tokenBodyOverride);
            return;
        }
        if (!clientAuthenticated(exchange, form)) {
            respond(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        IssuedCode issued = codes.remove(String.valueOf(form.get("code")));
        if (issued == null || !"authorization_code".equals(form.get("grant_type"))
                || !issued.redirectUri.equals(form.get("redirect_uri"))
                || !s256(form.get("code_verifier")).equals(issued.codeChallenge)) {
            respond(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        respond(exchange, 200, "application/json", tokenResponse(issued));
    }

    private String tokenResponse(IssuedCode issued) {
        TestIdTokens token = TestIdTokens.validAt(Instant.now(clock))
                .claim("iss", issuer()).claim("sub", issued.subject).audience(CLIENT_ID).claim("nonce", issued.nonce)
                .claim("preferred_username", issued.subject).claim("email", issued.subject + "@example.com")
                .signedWith(keys.get(0), signingAlgorithm);
        issued.extraClaims.forEach(token::claim);
        idTokenCustomizer.accept(token);
        Map<String, Object> body = new LinkedHashMap<>();
        if (!omitAccessToken) {
            body.put("access_token", "at-" + issued.subject);
        }
        body.put("token_type", "Bearer");
        body.put("expires_in", 300);
        if (!omitIdToken) {
            body.put("id_token", token.sign());
        }
        return Json.write(body);
    }

    private boolean clientAuthenticated(HttpExchange exchange, Map<String, String> form) {
        if (form.containsKey("client_assertion")) {
            return assertionAccepted(form);
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            // RFC 6749 §2.3.1: id and secret are form-encoded before Base64.
            return colon > 0 && CLIENT_ID.equals(urlDecode(decoded.substring(0, colon)))
                    && acceptedSecrets.contains(urlDecode(decoded.substring(colon + 1)));
        }
        return CLIENT_ID.equals(form.get("client_id")) && acceptedSecrets.contains(form.get("client_secret"));
    }

    /**
     * RFC 7523 §3 and OIDC Core §9, as a strict provider checks a {@code private_key_jwt} assertion: the type, a
     * signature by a key of the client's key set with the header's {@code kid}, {@code iss} = {@code sub} = the client,
     * an accepted audience, an {@code exp} in the future and not far away, and a {@code jti} never seen before.
     */
    private boolean assertionAccepted(Map<String, String> form) {
        Supplier<JWKSet> keys = clientKeys;
        if (keys == null || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))) {
            return false;
        }
        try {
            com.nimbusds.jwt.SignedJWT jwt = com.nimbusds.jwt.SignedJWT.parse(form.get("client_assertion"));
            JWK key = keys.get().getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null || !jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key.toRSAKey()))) {
                return false;
            }
            com.nimbusds.jwt.JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = Instant.now(clock);
            return CLIENT_ID.equals(claims.getIssuer()) && CLIENT_ID.equals(claims.getSubject())
                    && (form.get("client_id") == null || CLIENT_ID.equals(form.get("client_id")))
                    && claims.getAudience().stream().anyMatch(acceptedAssertionAudiences::contains)
                    && claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isAfter(now)
                    && claims.getExpirationTime().toInstant().isBefore(now.plusSeconds(300))
                    && claims.getJWTID() != null && seenAssertionIds.add(claims.getJWTID());
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
            return false;
        }
    }

    /** The token endpoint's URL, e.g. as an assertion's audience. */
    public String tokenEndpoint() {
        return issuer() + "/token";
    }

    private void userInfo(HttpExchange exchange) throws IOException {
        userInfoRequests.incrementAndGet();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer at-")) {
            respond(exchange, 401, "application/json", "{\"error\":\"invalid_token\"}");
            return;
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", authorization.substring("Bearer at-".length()));
        claims.putAll(userInfoClaims);
        Consumer<TestIdTokens> signed = signedUserInfo;
        if (signed != null) {
            TestIdTokens token = TestIdTokens.validAt(Instant.now(clock)).claim("iss", issuer()).audience(CLIENT_ID)
                    .without("nonce").signedWith(keys.get(0), signingAlgorithm);
            claims.forEach(token::claim);
            signed.accept(token);
            respond(exchange, userInfoStatus, "application/jwt", token.sign());
            return;
        }
        respond(exchange, userInfoStatus, "application/json", Json.write(claims));
    }

    private void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        sleep();
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void sleep() {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return bytes;
    }

    static String s256(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(digest).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> parseForm(String raw) {
        Map<String, String> result = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = urlDecode(eq < 0 ? pair : pair.substring(0, eq));
            result.put(name, eq < 0 ? "" : urlDecode(pair.substring(eq + 1)));
        }
        return result;
    }

    private static String urlDecode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
