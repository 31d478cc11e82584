package io.lanyard.core.bearer;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lanyard.core.testing.TestKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An OAuth 2.0 authorization server in the test JVM, over real HTTP on loopback: its keys ({@code /jwks}), its
 * introspection endpoint ({@code /introspect}, which answers what {@link #introspection} says for each token and
 * checks Lanyard's client), and a minter of JWT access tokens with any header and claims. Every request is counted.
 */
final class TokenIssuerStandIn implements AutoCloseable {

    static final String CLIENT_ID = "lanyard-resource-server";
    static final String CLIENT_SECRET = "introspection-secret-0123456789";
    static final String AUDIENCE = "https://jira.example.com";

    final AtomicInteger jwksRequests = new AtomicInteger();
    final AtomicInteger introspectionRequests = new AtomicInteger();
    volatile Function<String, Map<String, Object>> introspection = token -> Map.of("active", false);
    volatile int introspectionStatus = 200;
    volatile long introspectionDelayMillis;
    private final HttpServer server;
    private final RSAKey key = TestKeys.RSA;

    TokenIssuerStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", this::jwks);
        server.createContext("/introspect", this::introspect);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    String issuer() {
        return "http://localhost:" + server.getAddress().getPort() + "/issuer";
    }

    String jwksUri() {
        return "http://localhost:" + server.getAddress().getPort() + "/jwks";
    }

    String introspectionEndpoint() {
        return "http://localhost:" + server.getAddress().getPort() + "/introspect";
    }

    /** The claims of a good client-credentials token of {@code client}, issued at {@code now}, for an hour. */
    Map<String, Object> claims(String client, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer());
        claims.put("sub", client);
        claims.put("aud", AUDIENCE);
        claims.put("client_id", client);
        claims.put("scope", "read write");
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(3600).getEpochSecond());
        claims.put("jti", java.util.UUID.randomUUID().toString());
        return claims;
    }

    /** Signed with the issuer's key (kid rsa-1), typ at+jwt. */
    String token(Map<String, Object> claims) {
        return token(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims);
    }

    String token(JWSHeader header, Map<String, Object> claims) {
        return sign(header, claims, key);
    }

    static String sign(JWSHeader header, Map<String, Object> claims, RSAKey signingKey) {
        try {
            // any JSON, also claims of the wrong type, which JWTClaimsSet would not hold
            com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(header,
                    new com.nimbusds.jose.Payload(com.nimbusds.jose.util.JSONObjectUtils.toJSONString(claims)));
            jws.sign(new RSASSASigner(signingKey));
            return jws.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code header.payload.signature} from raw JSON texts, for tokens no library would make. */
    static String raw(String headerJson, String payloadJson, String signature) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + "." + signature;
    }

    private void jwks(HttpExchange exchange) throws IOException {
        jwksRequests.incrementAndGet();
        respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
    }

    private void introspect(HttpExchange exchange) throws IOException {
        introspectionRequests.incrementAndGet();
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            int equals = pair.indexOf('=');
            form.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        if (introspectionDelayMillis > 0) {
            try {
                Thread.sleep(introspectionDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        respond(exchange, introspectionStatus, com.nimbusds.jose.util.JSONObjectUtils.toJSONString(
                introspection.apply(form.get("token"))));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static List<String> list(String... values) {
        return List.of(values);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
