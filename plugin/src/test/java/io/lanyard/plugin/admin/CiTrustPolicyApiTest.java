package io.lanyard.plugin.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.lanyard.core.config.CiTrustPolicy;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.core.entra.EntraEndpoints;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI trust policies in the JSON API and the pages: create (Bitbucket's preset keys), refuse a policy without
 * conditions, warn about names, export, "Test" (the CI's keys) and "Test token" (a pasted token, never echoed).
 */
class CiTrustPolicyApiTest {

    private static final String REPOSITORY = "{6a1f0c9e-3b7d-4e52-8c1a-0d9e7f6b5a43}";
    private static final String AUDIENCE = "ari:cloud:bitbucket::workspace/2f4b1b7e";

    @TempDir
    Path home;
    private WireMockServer bitbucket;
    private AdminWebFixture admin;
    private RSAKey key;

    @BeforeEach
    void start() throws Exception {
        bitbucket = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        bitbucket.start();
        key = new RSAKeyGenerator(2048).keyID("bb-1").generate();
        bitbucket.stubFor(get(urlPathEqualTo("/2.0/workspaces/acme/pipelines-config/identity/oidc/keys.json"))
                .willReturn(okJson(new JWKSet(key.toPublicJWK()).toString())));
        admin = new AdminWebFixture(home, LanyardConfiguration.empty(), AdminWebFixture.filesOnly(),
                EntraEndpoints.NATIONAL_CLOUDS);
    }

    @AfterEach
    void stop() {
        bitbucket.stop();
    }

    private String issuer() {
        return "http://localhost:" + bitbucket.port() + "/2.0/workspaces/acme/pipelines-config/identity/oidc";
    }

    private String document(String conditions) {
        return "{\"displayName\":\"Deploy\",\"ciProvider\":\"BITBUCKET_PIPELINES\",\"issuer\":\"" + issuer() + "\","
                + "\"audiences\":[\"" + AUDIENCE + "\"],\"conditions\":" + conditions + ",\"account\":\"ci-bot\","
                + "\"readOnly\":true,\"pathPrefixes\":[\"/rest/api/2/issue/\"],\"maxTokenAgeSeconds\":900}";
    }

    private String createdId() throws Exception {
        AdminHttp.Response created = admin.api("POST", "/ciTrustPolicies", document("[{\"claim\":\"repositoryUuid\","
                + "\"value\":\"" + REPOSITORY + "\"},{\"claim\":\"branchName\",\"value\":\"main\"}]"));
        assertThat(created.status).as(created.body()).isEqualTo(201);
        return store().load().get(0).id();
    }

    private IntegrationXmlStore<CiTrustPolicy> store() {
        return IntegrationXmlStore.of(IntegrationKind.CI_TRUST_POLICY, home);
    }

    private String token(String branch) throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bb-1").build(),
                new JWTClaimsSet.Builder().issuer(issuer()).audience(AUDIENCE)
                        .subject(REPOSITORY + ":{3c1d8e2f-6b7a-4c90-8e1f-2a3b4c5d6e7f}")
                        .claim("repositoryUuid", REPOSITORY).claim("branchName", branch)
                        .claim("stepUuid", "{3c1d8e2f-6b7a-4c90-8e1f-2a3b4c5d6e7f}")
                        .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).build());
        token.sign(new RSASSASigner(key));
        return token.serialize();
    }

    @Test
    void createStoresEveryFieldAndTheExportHasIt() throws Exception {
        String id = createdId();
        CiTrustPolicy stored = store().load().get(0);
        assertThat(stored.readOnly()).isTrue();
        assertThat(stored.conditions()).hasSize(2);
        assertThat(admin.api("GET", "/ciTrustPolicies/" + id, null).body()).contains("\"account\":\"ci-bot\"",
                "\"warnings\":[]").doesNotContain("clientSecret");
        assertThat(admin.api("GET", "/export", null).body()).contains("\"ciTrustPolicies\":[", REPOSITORY);
    }

    @Test
    void aPolicyWithoutConditionsIsRefusedAndNothingIsWritten() throws Exception {
        AdminHttp.Response refused = admin.api("POST", "/ciTrustPolicies", document("[]"));
        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.body()).contains("\"code\":\"LNY-100\"", "\"field\":\"conditions\"");
        assertThat(store().exists()).isFalse();
    }

    @Test
    void aSecretIsNoFieldOfAPolicy() throws Exception {
        String withSecret = document("[{\"claim\":\"repositoryUuid\",\"value\":\"x\"}]").replace("{\"displayName\"",
                "{\"clientSecret\":\"s3cret\",\"displayName\"");
        assertThat(admin.api("POST", "/ciTrustPolicies", withSecret).status).isEqualTo(400);
    }

    @Test
    void aConditionOnANameWhereTheCiOffersAnIdIsWarnedAbout() throws Exception {
        AdminHttp.Response created = admin.api("POST", "/ciTrustPolicies", document(
                "[{\"claim\":\"sub\",\"value\":\"" + REPOSITORY + ":*\"}]"));
        assertThat(created.status).isEqualTo(201);
        assertThat(created.body()).contains("\"warnings\":[", "repositoryUuid");
    }

    @Test
    void testFetchesTheCisKeysFromBitbucketsPresetLocation() throws Exception {
        String id = createdId();
        AdminHttp.Response tested = admin.api("POST", "/ciTrustPolicies/" + id + "/test", null);
        assertThat(tested.body()).contains("\"passed\":true", "/keys.json", "1 signing key(s)");
    }

    @Test
    void testTokenNamesThePolicyThatGrantsOrTheRuleThatFailsAndNeverEchoesTheToken() throws Exception {
        String id = createdId();
        String good = token("main");
        AdminHttp.Response granted = admin.api("POST", "/ciTokenTest", "{\"token\":\"" + good + "\"}");
        assertThat(granted.status).isEqualTo(200);
        assertThat(granted.body()).contains("\"granting\":\"" + id + "\"").doesNotContain(good);
        String wrongBranch = token("feature/x");
        AdminHttp.Response refused = admin.api("POST", "/ciTokenTest", "{\"token\":\"" + wrongBranch + "\"}");
        assertThat(refused.body()).contains("\"granting\":\"\"", "LNY-949", "branchName").doesNotContain(wrongBranch);
        assertThat(admin.api("POST", "/ciTokenTest", "{\"token\":\"\"}").status).isEqualTo(400);
    }

    @Test
    void thePagesListThePolicyAndTestAPastedTokenWithoutShowingItAgain() throws Exception {
        String id = createdId();
        AdminHttp.Response list = admin.get("/ci");
        assertThat(list.status).isEqualTo(200);
        assertThat(list.body()).contains("id=\"tab-ci\"", "data-policy-id=\"" + id + "\"", "repositoryUuid=");
        AdminHttp.Response form = admin.get("/ci/" + id);
        assertThat(form.body()).contains("field-conditions", "field-testToken", "action-explain");
        String wrongBranch = token("feature/x");
        Map<String, String> posted = new java.util.HashMap<>(Map.of("displayName", "Deploy", "enabled", "true",
                "ciProvider", "BITBUCKET_PIPELINES", "issuer", issuer(), "audiences", AUDIENCE, "conditions",
                "repositoryUuid=" + REPOSITORY + "\nbranchName=main", "account", "ci-bot", "action", "explain"));
        posted.put("testToken", wrongBranch);
        AdminHttp.Response explained = admin.post("/ci/" + id, posted);
        assertThat(explained.status).isEqualTo(200);
        assertThat(explained.body()).contains("id=\"explain-result\"", "data-code=\"LNY-949\"").doesNotContain(wrongBranch);
        assertThat(store().load().get(0).readOnly()).as("Test token saves nothing").isTrue();
    }

    @Test
    void importReplacesThePoliciesAndADocumentWithoutThemKeepsThem() throws Exception {
        createdId();
        String exported = admin.api("GET", "/export", null).body();
        assertThat(admin.api("POST", "/import", "{\"version\":1,\"identityProviders\":[]}").status).isEqualTo(200);
        assertThat(store().load()).hasSize(1);
        assertThat(admin.api("POST", "/import", "{\"version\":1,\"identityProviders\":[],\"ciTrustPolicies\":[]}")
                .status).isEqualTo(200);
        assertThat(store().load()).isEmpty();
        assertThat(admin.api("POST", "/import", exported).status).isEqualTo(200);
        assertThat(store().load()).singleElement().satisfies(policy -> assertThat(policy.account()).isEqualTo("ci-bot"));
        String withoutConditions = exported.replaceAll("\"conditions\":\\[[^\\]]*\\]", "\"conditions\":[]");
        AdminHttp.Response refused = admin.api("POST", "/import", withoutConditions);
        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.body()).contains("ciTrustPolicies[0].conditions");
    }
}
