package io.lanyard.core.diagnostics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.NationalCloud;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.entra.GraphClient;
import io.lanyard.core.signing.SigningKeys;
import io.lanyard.core.testing.EntraStandIn;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.secret.secured.SecuredPropertyValues;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector "Test" against WireMock standing in for both Entra ID's token endpoint and Microsoft Graph, over
 * real HTTP on this machine: success, every way Entra or Graph says no, and answers that are too slow, too large or
 * not what those endpoints send. Never the internet.
 */
class EntraConnectorCheckTest {

    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";
    private static final String SECRET = "xyz8Q~connector-secret-value";
    private static final String ACCESS_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.app-only-token.signature";
    private static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";
    private static final HttpLimits LIMITS = new HttpLimits(Duration.ofSeconds(2), Duration.ofMillis(500), 16 * 1024);

    private WireMockServer entra;

    @BeforeEach
    void start() {
        entra = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        entra.start();
    }

    @AfterEach
    void stop() {
        entra.stop();
    }

    private URI standIn() {
        return URI.create("http://127.0.0.1:" + entra.port());
    }

    /** Both endpoints at the stand-in: the token endpoint with the tenant in its path, Graph at its root. */
    private static EntraEndpoints at(URI base) {
        return new EntraStandIn(base);
    }

    private static EntraConnectorConfig connector(NationalCloud cloud, StoredSecret secret) {
        return EntraConnectorConfig.builder().id("wdlfqm6se9un").displayName("Contoso").tenantId(TENANT)
                .clientId(CLIENT_ID).clientSecret(secret).nationalCloud(cloud).build();
    }

    private static EntraConnectorConfig connector() {
        return connector(NationalCloud.GLOBAL, StoredSecret.plaintext(Secret.of(SECRET)));
    }

    private static ClientSecretResolver filesOnly() {
        return new ClientSecretResolver(Map.of(), Map.of(), SecuredPropertyValues.none());
    }

    private GraphCheckReport test(EntraConnectorConfig connector) {
        return test(connector, filesOnly(), standIn());
    }

    private static GraphCheckReport test(EntraConnectorConfig connector, ClientSecretResolver secrets, URI base) {
        ProviderHttpClient http = new ProviderHttpClient(LIMITS);
        return new EntraConnectorCheck(http, secrets, new GraphClient(http, secrets,
                SigningKeys.unavailable("not in this test"), at(base))).test(connector);
    }

    private void tokenIssued() {
        entra.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\""
                        + ACCESS_TOKEN + "\"}")));
    }

    private void organizationRead() {
        entra.stubFor(get(urlPathEqualTo("/v1.0/organization"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .willReturn(okJson("{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#organization\","
                        + "\"value\":[{\"id\":\"0a1b2c3d-4e5f-6789-abcd-ef0123456789\",\"displayName\":\"Contoso Ltd\"}]}")));
    }

    private static void assertFailedWith(GraphCheckReport report, ErrorCode code) {
        assertThat(report.passed()).isFalse();
        assertThat(report.organization()).isEmpty();
        assertThat(report.failure()).hasValueSatisfying(failure -> assertThat(failure.code()).isEqualTo(code));
    }

    @Test
    void successReadsTheOrganizationWithAClientCredentialsTokenScopedToGraph() {
        tokenIssued();
        organizationRead();

        GraphCheckReport report = test(connector());

        assertThat(report.passed()).isTrue();
        assertThat(report.organization()).hasValue(
                new GraphCheckReport.Organization("0a1b2c3d-4e5f-6789-abcd-ef0123456789", "Contoso Ltd"));
        assertThat(report.tokenEndpoint()).isEqualTo(URI.create(standIn() + TOKEN_PATH));
        entra.verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("client_credentials"))
                .withFormParam("client_id", equalTo(CLIENT_ID))
                .withFormParam("client_secret", equalTo(SECRET))
                .withFormParam("scope", equalTo("https://graph.microsoft.com/.default")));
        entra.verify(1, getRequestedFor(urlPathEqualTo("/v1.0/organization")));
    }

    @Test
    void theScopeNamesTheNationalCloudsGraphOrTheExplicitGraphUrl() {
        tokenIssued();
        organizationRead();

        test(connector(NationalCloud.US_GOV, StoredSecret.plaintext(Secret.of(SECRET))));
        test(connector(NationalCloud.CHINA, StoredSecret.plaintext(Secret.of(SECRET))));
        test(connector().toBuilder().graphBaseUrl("https://dod-graph.microsoft.us/").build());

        entra.verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withFormParam("scope", equalTo("https://graph.microsoft.us/.default")));
        entra.verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withFormParam("scope", equalTo("https://microsoftgraph.chinacloudapi.cn/.default")));
        entra.verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withFormParam("scope", equalTo("https://dod-graph.microsoft.us/.default")));
    }

    @Test
    void nationalCloudEndpointsAreMicrosoftsLoginAndGraphHostsOfEachCloud() {
        EntraEndpoints microsoft = EntraEndpoints.NATIONAL_CLOUDS;
        EntraConnectorConfig global = connector();
        EntraConnectorConfig usGov = connector(NationalCloud.US_GOV, StoredSecret.none());
        EntraConnectorConfig china = connector(NationalCloud.CHINA, StoredSecret.none());

        assertThat(microsoft.tokenEndpoint(global))
                .isEqualTo(URI.create("https://login.microsoftonline.com/" + TENANT + "/oauth2/v2.0/token"));
        assertThat(microsoft.graphBaseUrl(global)).isEqualTo(URI.create("https://graph.microsoft.com"));
        assertThat(microsoft.tokenEndpoint(usGov))
                .isEqualTo(URI.create("https://login.microsoftonline.us/" + TENANT + "/oauth2/v2.0/token"));
        assertThat(microsoft.graphBaseUrl(usGov)).isEqualTo(URI.create("https://graph.microsoft.us"));
        assertThat(microsoft.tokenEndpoint(china))
                .isEqualTo(URI.create("https://login.chinacloudapi.cn/" + TENANT + "/oauth2/v2.0/token"));
        assertThat(microsoft.graphBaseUrl(china)).isEqualTo(URI.create("https://microsoftgraph.chinacloudapi.cn"));
    }

    @Test
    void anInvalidClientSecretIsLny711WithEntrasErrorAndAadstsDescription() {
        entra.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret "
                        + "provided. Ensure the secret being sent in the request is the client secret value, not the "
                        + "client secret ID, for a secret added to app '" + CLIENT_ID + "'.\\r\\nTrace ID: "
                        + "0f5c2a9e-1d2b-4c3a-9e8f-7a6b5c4d3e2f\\r\\nTimestamp: 2025-01-01 10:00:00Z\","
                        + "\"error_codes\":[7000215],\"timestamp\":\"2025-01-01 10:00:00Z\"}")));

        GraphCheckReport report = test(connector());

        assertFailedWith(report, ErrorCode.ENTRA_TOKEN_REFUSED);
        assertThat(report.remoteError()).hasValueSatisfying(error -> {
            assertThat(error.code()).isEqualTo("invalid_client");
            assertThat(error.description()).startsWith("AADSTS7000215: Invalid client secret provided.")
                    .contains("Trace ID").doesNotContain("\r").doesNotContain("\n");
        });
        assertThat(report.failure().orElseThrow().detail()).contains("HTTP 401", "invalid_client");
        entra.verify(0, getRequestedFor(urlPathEqualTo("/v1.0/organization")));
    }

    @Test
    void anUnknownTenantIsLny711WithAadsts90002() {
        entra.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_request\",\"error_description\":\"AADSTS90002: Tenant '" + TENANT
                        + "' not found. Check to make sure you have the correct tenant ID and are signing into the "
                        + "correct cloud.\",\"error_codes\":[90002]}")));

        GraphCheckReport report = test(connector());

        assertFailedWith(report, ErrorCode.ENTRA_TOKEN_REFUSED);
        assertThat(report.remoteError().orElseThrow().code()).isEqualTo("invalid_request");
        assertThat(report.remoteError().orElseThrow().description()).startsWith("AADSTS90002: Tenant '" + TENANT);
    }

    @Test
    void aGraph403ForAMissingPermissionIsLny712WithGraphsCodeAndMessage() {
        tokenIssued();
        entra.stubFor(get(urlPathEqualTo("/v1.0/organization")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"Insufficient privileges "
                        + "to complete the operation.\",\"innerError\":{\"request-id\":\"6a1c\"}}}")));

        GraphCheckReport report = test(connector());

        assertFailedWith(report, ErrorCode.GRAPH_REQUEST_REFUSED);
        assertThat(report.remoteError()).hasValue(new GraphCheckReport.RemoteError("Authorization_RequestDenied",
                "Insufficient privileges to complete the operation."));
        assertThat(report.failure().orElseThrow().detail()).contains("GET", "/v1.0/organization", "HTTP 403");
    }

    @Test
    void aTokenEndpointThatDoesNotAnswerInTimeIsLny710() {
        entra.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson("{}").withFixedDelay(1500)));

        GraphCheckReport report = test(connector());

        assertFailedWith(report, ErrorCode.ENTRA_UNREACHABLE);
        assertThat(report.failure().orElseThrow().detail()).contains("did not answer within 500 ms");
    }

    @Test
    void aGraphThatDoesNotAnswerInTimeIsLny710() {
        tokenIssued();
        entra.stubFor(get(urlPathEqualTo("/v1.0/organization")).willReturn(okJson("{\"value\":[]}").withFixedDelay(1500)));

        assertFailedWith(test(connector()), ErrorCode.ENTRA_UNREACHABLE);
    }

    @Test
    void nothingListeningIsLny710() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        GraphCheckReport report = test(connector(), filesOnly(), URI.create("http://127.0.0.1:" + closedPort));

        assertFailedWith(report, ErrorCode.ENTRA_UNREACHABLE);
    }

    @Test
    void anOversizedTokenResponseIsLny713AndIsNotReadToTheEnd() {
        entra.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(
                "{\"access_token\":\"" + "a".repeat(64 * 1024) + "\",\"token_type\":\"Bearer\"}")));

        GraphCheckReport report = test(connector());

        assertFailedWith(report, ErrorCode.ENTRA_RESPONSE_INVALID);
        assertThat(report.failure().orElseThrow().detail()).contains("more than " + (16 * 1024) + " bytes");
    }

    @Test
    void anOversizedGraphResponseIsLny713() {
        tokenIssued();
        entra.stubFor(get(urlPathEqualTo("/v1.0/organization")).willReturn(okJson(
                "{\"value\":[{\"id\":\"x\",\"displayName\":\"" + "b".repeat(64 * 1024) + "\"}]}")));

        assertFailedWith(test(connector()), ErrorCode.ENTRA_RESPONSE_INVALID);
    }

    @Test
    void anHtmlPageWhereTheTokenEndpointShouldBeIsLny713() {
        entra.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Not here</body></html>")));

        assertFailedWith(test(connector()), ErrorCode.ENTRA_RESPONSE_INVALID);
    }

    @Test
    void aGraphAnswerWithoutAnOrganizationIsLny713() {
        tokenIssued();
        entra.stubFor(get(urlPathEqualTo("/v1.0/organization")).willReturn(okJson("{\"value\":[]}")));

        assertFailedWith(test(connector()), ErrorCode.ENTRA_RESPONSE_INVALID);
    }

    @Test
    void withoutAnySecretNothingIsSentAndTheNamesLookedForAreReportedAsLny105() {
        GraphCheckReport report = test(connector(NationalCloud.GLOBAL, StoredSecret.external()));

        assertFailedWith(report, ErrorCode.CLIENT_SECRET_MISSING);
        assertThat(report.failure().orElseThrow().detail())
                .contains(SecretPropertyNames.connector("wdlfqm6se9un"), SecretPropertyNames.CONNECTOR_STATIC);
        assertThat(entra.getAllServeEvents()).isEmpty();
    }

    @Test
    void aSecretFromTheEnvironmentIsSentInsteadOfTheOneInConnectorXml() {
        tokenIssued();
        organizationRead();
        ClientSecretResolver environment = new ClientSecretResolver(
                Map.of(SecretPropertyNames.connector("wdlfqm6se9un"), "from-the-environment"), Map.of(),
                SecuredPropertyValues.none());

        GraphCheckReport report = test(connector(), environment, standIn());

        assertThat(report.passed()).isTrue();
        entra.verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withFormParam("client_secret", equalTo("from-the-environment")));
    }

    @Test
    void neitherTheSecretNorTheTokenReachesTheReportEvenWhenTheServerEchoesThem() {
        entra.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"secret " + SECRET + " is wrong\"}")));

        GraphCheckReport refused = test(connector());
        entra.resetAll();
        tokenIssued();
        organizationRead();
        GraphCheckReport passed = test(connector());

        assertThat(refused.toString()).doesNotContain(SECRET).contains("[secret]");
        assertThat(passed.passed()).isTrue();
        assertThat(passed.toString()).doesNotContain(ACCESS_TOKEN);
    }
}
