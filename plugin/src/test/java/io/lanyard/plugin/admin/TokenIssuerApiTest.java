package io.lanyard.plugin.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.TokenIssuerConfig;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.secret.SecretPropertyNames;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "API access" in the JSON API and the pages: create, refuse, list without the secret, and "Test", which fetches a
 * token by client credentials from the issuer (WireMock) and runs it through the whole check step by step.
 */
class TokenIssuerApiTest {

    private static final String AUDIENCE = "https://jira.example.com/jira";

    @TempDir
    Path home;
    private WireMockServer issuer;
    private AdminWebFixture admin;
    private RSAKey key;

    @BeforeEach
    void start() throws Exception {
        issuer = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        issuer.start();
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        issuer.stubFor(get(urlPathEqualTo("/jwks")).willReturn(okJson(new JWKSet(key.toPublicJWK()).toString())));
        admin = new AdminWebFixture(home, LanyardConfiguration.empty(), AdminWebFixture.filesOnly(),
                EntraEndpoints.NATIONAL_CLOUDS);
    }

    @AfterEach
    void stop() {
        issuer.stop();
    }

    private String base() {
        return "http://localhost:" + issuer.port();
    }

    private String document(String clients) {
        return "{\"displayName\":\"CI\",\"issuer\":\"" + base() + "/issuer\",\"jwksUri\":\"" + base() + "/jwks\","
                + "\"tokenEndpoint\":\"" + base() + "/token\",\"clientId\":\"lanyard\",\"clientSecret\":\"s3cret-value\","
                + "\"audience\":\"" + AUDIENCE + "\",\"requiredScopes\":[\"jira:read\"],\"clients\":" + clients + "}";
    }

    private void tokenEndpointIssues(String client, String scope) throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1")
                .type(new JOSEObjectType("at+jwt")).build(), new JWTClaimsSet.Builder().issuer(base() + "/issuer")
                .audience(AUDIENCE).subject(client).claim("client_id", client).claim("scope", scope)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
        token.sign(new RSASSASigner(key));
        issuer.stubFor(post(urlPathEqualTo("/token")).willReturn(okJson("{\"access_token\":\"" + token.serialize()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    }

    private String createdId() throws Exception {
        AdminHttp.Response created = admin.api("POST", "/tokenIssuers",
                document("[{\"clientId\":\"lanyard\",\"account\":\"svc-ci\",\"readOnly\":true,\"from\":[\"10.0.0.0/8\"],"
                        + "\"maxAgeSeconds\":600}]"));
        assertThat(created.status).isEqualTo(201);
        assertThat(created.body()).doesNotContain("s3cret-value");
        return IntegrationXmlStore.of(IntegrationKind.TOKEN_ISSUER, home).load().get(0).id();
    }

    @Test
    void createStoresEveryFieldAndListShowsTheSecretsNamesButNoSecret() throws Exception {
        String id = createdId();
        TokenIssuerConfig stored = IntegrationXmlStore.of(IntegrationKind.TOKEN_ISSUER, home).load().get(0);
        assertThat(stored.clientMappings()).singleElement().satisfies(mapping -> {
            assertThat(mapping.readOnly()).isTrue();
            assertThat(mapping.sourceRanges()).hasToString("[10.0.0.0/8]");
        });
        assertThat(stored.clientSecret().plaintext().orElseThrow().reveal()).isEqualTo("s3cret-value");
        AdminHttp.Response list = admin.api("GET", "/tokenIssuers", null);
        assertThat(list.body()).contains("\"id\":\"" + id + "\"", "\"account\":\"svc-ci\"",
                SecretPropertyNames.tokenIssuer(id)).doesNotContain("s3cret-value");
        assertThat(admin.api("GET", "/export", null).body()).contains("\"tokenIssuers\":[").doesNotContain("s3cret");
    }

    @Test
    void anInvalidIssuerIsRefusedWithEveryFieldAndNothingIsWritten() throws Exception {
        AdminHttp.Response refused = admin.api("POST", "/tokenIssuers", "{\"displayName\":\"\",\"issuer\":\"ftp://x\","
                + "\"audience\":\"\",\"tokenCheck\":\"MAGIC\",\"clients\":[{\"clientId\":\"a\",\"account\":\"b\","
                + "\"from\":[\"intranet.example.com\"]}]}");
        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.body()).contains("\"code\":\"LNY-100\"", "\"field\":\"displayName\"", "\"field\":\"issuer\"",
                "\"field\":\"audience\"", "\"field\":\"tokenCheck\"", "\"field\":\"clientMappings\"");
        assertThat(IntegrationXmlStore.of(IntegrationKind.TOKEN_ISSUER, home).exists()).isFalse();
    }

    @Test
    void testFetchesATokenAndRunsEveryStep() throws Exception {
        String id = createdId();
        tokenEndpointIssues("lanyard", "jira:read");
        AdminHttp.Response tested = admin.api("POST", "/tokenIssuers/" + id + "/test", null);
        assertThat(tested.status).isEqualTo(200);
        assertThat(tested.body()).contains("\"passed\":true", "\"name\":\"token\"", "\"name\":\"check\"",
                "\"name\":\"client\"", "lanyard → svc-ci", "\"name\":\"scopes\"");
    }

    @Test
    void testNamesTheStepThatFailedWithItsCode() throws Exception {
        String id = createdId();
        tokenEndpointIssues("lanyard", "other");
        AdminHttp.Response tested = admin.api("POST", "/tokenIssuers/" + id + "/test", null);
        assertThat(tested.body()).contains("\"passed\":false", "LNY-912");
        tokenEndpointIssues("someone-else", "jira:read");
        assertThat(admin.api("POST", "/tokenIssuers/" + id + "/test", null).body()).contains("LNY-911");
    }

    @Test
    void thePagesListAndEditTheIssuer() throws Exception {
        String id = createdId();
        AdminHttp.Response list = admin.get("/api");
        assertThat(list.status).isEqualTo(200);
        assertThat(list.body()).contains("id=\"tab-api\"", "data-issuer-id=\"" + id + "\"", base() + "/issuer");
        AdminHttp.Response form = admin.get("/api/" + id);
        assertThat(form.status).isEqualTo(200);
        assertThat(form.body()).contains("field-clientMappings", "lanyard=svc-ci;read-only;from=10.0.0.0/8;max-age=600",
                SecretPropertyNames.tokenIssuer(id));
    }
}
