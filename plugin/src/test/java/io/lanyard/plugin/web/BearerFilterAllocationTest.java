package io.lanyard.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.bearer.BearerAuthenticator;
import io.lanyard.core.config.ClientMapping;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.TokenIssuerConfig;
import io.lanyard.core.host.AccountWrites;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.UserDirectory;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.servlet.FilterChain;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

/**
 * The bearer filter runs on every request: passing one without a bearer token, or with Basic, must not allocate, and
 * a repeat call with Lanyard's token is served from the verified-token cache without allocating either.
 */
class BearerFilterAllocationTest {


    @Test
    void passThroughAndRepeatCallsAllocateNothingPerRequest() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks", exchange -> {
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        try {
            String issuer = "http://localhost:" + jwks.getAddress().getPort() + "/issuer";
            TokenIssuerConfig config = TokenIssuerConfig.builder().id("issuer000001").displayName("Issuer")
                    .issuer(issuer).jwksUri("http://localhost:" + jwks.getAddress().getPort() + "/jwks").audience("api")
                    .clientMappings(List.of(new ClientMapping("bot", "svc-bot", false, List.of(), Optional.empty())))
                    .build();
            UserDirectory users = new UserDirectory() {
                private final Optional<HostUser> bot = Optional.of(new HostUser("svc-bot", "Bot", "", true));
                public Optional<HostUser> findByUsername(String username) { return bot; }
                public List<HostUser> findByEmail(String email) { return List.of(); }
            };
            BearerAuthenticator authenticator = new BearerAuthenticator(new ConfigurationHolder(
                    LanyardConfiguration.empty().with(IntegrationKind.TOKEN_ISSUER, List.of(config))),
                    ClientSecretResolver.fileOnly(), users, AccountWrites.unavailable("none"), AuditSink.none(),
                    Clock.systemUTC(), HttpLimits.DEFAULT);
            int[] asBot = {0};
            BearerFilter filter = new BearerFilter(authenticator, (username, request, response, chain) -> {
                asBot[0]++;
                chain.doFilter(request, response);
            });
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1")
                    .type(new JOSEObjectType("at+jwt")).build(), new JWTClaimsSet.Builder().issuer(issuer)
                    .audience("api").claim("client_id", "bot").issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(3600))).build());
            token.sign(new RSASSASigner(key));
            HttpServletRequest[] requests = {
                new AuthorizationOnlyRequest(null), new AuthorizationOnlyRequest("Basic YWxpY2U6c2VjcmV0"),
                new AuthorizationOnlyRequest("Bearer " + token.serialize()), new AuthorizationOnlyRequest(null),
            };
            HttpServletResponse response = FilterAllocations.unusable(HttpServletResponse.class);
            int[] passed = {0};
            FilterChain chain = (req, res) -> passed[0]++;

            long allocated = FilterAllocations.bytesFor(filter, requests, response, chain);

            assertThat(passed[0]).isEqualTo(FilterAllocations.WARM_UP + FilterAllocations.MEASURED);
            assertThat(asBot[0]).isEqualTo((FilterAllocations.WARM_UP + FilterAllocations.MEASURED) / 4);
            assertThat(allocated).as("bytes allocated for %d requests", FilterAllocations.MEASURED)
                .isLessThan(FilterAllocations.TOLERATED_BYTES);
        } finally {
            jwks.stop(0);
        }
    }
}
