package io.lanyard.core.expiry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.entra.AppCredentialReader;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.entra.GraphClient;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.expiry.CredentialExpiry.Use;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.signing.SigningKeys;
import io.lanyard.core.testing.EntraStandIn;
import io.lanyard.core.testing.LogCapture;
import io.lanyard.core.testing.MutableClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credential expiry against WireMock standing in for Entra ID and Microsoft Graph ("Get application"): the connector's
 * own app, an Entra ID identity provider read with a connector of its tenant, an entered date, Lanyard's certificate,
 * the warnings at 30, 14 and 3 days and after the end, and what happens without Application.Read.All.
 */
class ExpiryMonitorTest {

    private static final String TENANT = "0a1b2c3d-4e5f-6789-abcd-ef0123456789";
    private static final String CONNECTOR_APP = "11111111-2222-3333-4444-555555555555";
    private static final String PROVIDER_APP = "66666666-7777-8888-9999-000000000000";
    private static final String SECRET = "Abc8Q~the-connector-secret";
    private static final String PROVIDER_SECRET = "Xyz8Q~the-provider-secret";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path home;

    private final MutableClock clock = new MutableClock(NOW);
    private WireMockServer entra;

    @BeforeEach
    void start() {
        entra = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        entra.start();
        entra.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token")).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"app-token\"}")));
    }

    @AfterEach
    void stop() {
        entra.stop();
    }

    private ExpiryMonitor monitor() {
        EntraEndpoints standIn = new EntraStandIn(URI.create("http://127.0.0.1:" + entra.port()));
        ClientSecretResolver secrets = ClientSecretResolver.fileOnly();
        SigningKeys keys = SigningKeys.in(home, "Lanyard test", clock);
        GraphClient graph = new GraphClient(new ProviderHttpClient(new HttpLimits(Duration.ofSeconds(2),
                Duration.ofSeconds(2), 64 * 1024)), secrets, keys, standIn);
        return new ExpiryMonitor(Optional.of(new AppCredentialReader(graph)), secrets, keys, clock);
    }

    private static EntraConnectorConfig connector() {
        return EntraConnectorConfig.builder().id("wdlfqm6se9un").displayName("Contoso").tenantId(TENANT)
                .clientId(CONNECTOR_APP).clientSecret(StoredSecret.plaintext(Secret.of(SECRET))).build();
    }

    private static IdentityProviderConfig entraProvider() {
        return IdentityProviderConfig.builder().id("entra").displayName("Contoso sign-in")
                .discoveryUrl("https://login.microsoftonline.com/" + TENANT + "/v2.0").clientId(PROVIDER_APP)
                .clientSecret(StoredSecret.plaintext(Secret.of(PROVIDER_SECRET))).build();
    }

    private void application(String appId, String body) {
        entra.stubFor(get(urlPathEqualTo("/v1.0/applications(appId='" + appId + "')"))
                .withQueryParam("$select", equalTo(AppCredentialReader.SELECT))
                .withHeader("Authorization", equalTo("Bearer app-token")).willReturn(okJson(body)));
    }

    private static String secret(String name, String hint, Instant end) {
        return "{\"displayName\":\"" + name + "\",\"hint\":\"" + hint + "\",\"keyId\":\"k\",\"endDateTime\":\""
                + end + "\"}";
    }

    private static String app(String secrets, String certificates) {
        return "{\"id\":\"obj\",\"appId\":\"x\",\"displayName\":\"Lanyard\",\"passwordCredentials\":[" + secrets
                + "],\"keyCredentials\":[" + certificates + "]}";
    }

    @Test
    void theConnectorsOwnSecretIsFoundByItsFirstCharactersAndItsEndGivesTheLevel() {
        application(CONNECTOR_APP, app(secret("old", "Zzz", NOW.plus(Duration.ofDays(5))) + ","
                + secret("lanyard", "Abc", NOW.plus(Duration.ofDays(20))), ""));

        ExpiryReport report = monitor().check(connector(), new LanyardConfiguration(List.of(), List.of(connector())));

        assertThat(report.problem()).isEmpty();
        assertThat(report.credentials()).extracting(CredentialExpiry::use).containsExactly(Use.OTHER, Use.IN_USE);
        assertThat(report.relevant(NOW).orElseThrow().label()).isEqualTo("lanyard (starts Abc)");
        assertThat(report.level(NOW)).as("the old secret in 5 days is not Lanyard's").isEqualTo(ExpiryLevel.DAYS_30);
    }

    @Test
    void theLogWarnsOncePerStepWithLny110AndAfterTheEndWithLny111() {
        application(CONNECTOR_APP, app(secret("lanyard", "Abc", NOW.plus(Duration.ofDays(29))), ""));
        ExpiryMonitor monitor = monitor();
        LanyardConfiguration configuration = new LanyardConfiguration(List.of(), List.of(connector()));

        List<String> lines;
        try (LogCapture log = LogCapture.start()) {
            monitor.checkAll(configuration);
            monitor.checkAll(configuration);
            clock.advance(Duration.ofDays(16));
            monitor.checkAll(configuration);
            clock.advance(Duration.ofDays(11));
            monitor.checkAll(configuration);
            clock.advance(Duration.ofDays(3));
            monitor.checkAll(configuration);
            lines = log.messagesOf(ExpiryMonitor.class);
        }

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("LNY-110").contains("client secret", "Entra ID connector wdlfqm6se9un",
                "2026-12-30", "in 29 day(s)");
        assertThat(lines.get(1)).startsWith("LNY-110").contains("in 13 day(s)");
        assertThat(lines.get(2)).startsWith("LNY-110").contains("in 2 day(s)");
        assertThat(lines.get(3)).startsWith("LNY-111").contains("ended on 2026-12-30");
        assertThat(String.join("\n", lines)).doesNotContain(SECRET);
    }

    @Test
    void anEntraIdProviderIsReadWithAConnectorOfItsTenant() {
        application(PROVIDER_APP, app(secret("sign-in", "Xyz", NOW.plus(Duration.ofDays(10))), ""));
        LanyardConfiguration configuration = new LanyardConfiguration(List.of(entraProvider()), List.of(connector()));

        ExpiryReport report = monitor().checkAll(configuration).get(SecretOwner.identityProvider("entra"));

        assertThat(report.level(NOW)).isEqualTo(ExpiryLevel.DAYS_14);
        assertThat(report.relevant(NOW).orElseThrow().use()).isEqualTo(Use.IN_USE);
        entra.verify(getRequestedFor(urlPathEqualTo("/v1.0/applications(appId='" + PROVIDER_APP + "')")));
    }

    @Test
    void anEntraIdProviderWithoutAConnectorOfItsTenantIsLny114() {
        ExpiryReport report = monitor().check(entraProvider(), new LanyardConfiguration(List.of(entraProvider())));

        assertThat(report.problem()).hasValueSatisfying(problem -> {
            assertThat(problem.code()).isEqualTo(ErrorCode.ENTRA_PROVIDER_WITHOUT_CONNECTOR);
            assertThat(problem.message()).contains(TENANT);
        });
    }

    @Test
    void withoutApplicationReadAllGraphsRefusalIsLny715NamingThePermission() {
        entra.stubFor(get(urlPathEqualTo("/v1.0/applications(appId='" + CONNECTOR_APP + "')")).willReturn(
                aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody(
                        "{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"Insufficient privileges "
                                + "to complete the operation.\"}}")));

        ExpiryReport report = monitor().check(connector(), new LanyardConfiguration(List.of(), List.of(connector())));

        assertThat(report.problem()).hasValueSatisfying(problem -> {
            assertThat(problem.code()).isEqualTo(ErrorCode.GRAPH_PERMISSION_MISSING);
            assertThat(problem.message()).contains("Application.Read.All");
        });
    }

    @Test
    void anAppGraphDoesNotKnowIsLny714() {
        entra.stubFor(get(urlPathEqualTo("/v1.0/applications(appId='" + CONNECTOR_APP + "')")).willReturn(
                aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(
                        "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"Resource not found.\"}}")));

        ExpiryReport report = monitor().check(connector(), new LanyardConfiguration(List.of(), List.of(connector())));

        assertThat(report.problem().orElseThrow().code()).isEqualTo(ErrorCode.GRAPH_APPLICATION_NOT_FOUND);
    }

    @Test
    void anyOtherProviderHasTheDateAnAdministratorEntered() {
        IdentityProviderConfig okta = IdentityProviderConfig.builder().id("okta").displayName("Okta")
                .discoveryUrl("https://acme.okta.com").clientId("lanyard")
                .clientSecretExpiresOn(LocalDate.of(2026, 12, 4)).build();

        ExpiryReport report = monitor().check(okta, new LanyardConfiguration(List.of(okta)));

        assertThat(report.level(NOW)).isEqualTo(ExpiryLevel.DAYS_3);
        assertThat(report.relevant(NOW).orElseThrow().origin()).isEqualTo(CredentialExpiry.Origin.ENTERED);
        assertThat(monitor().check(okta.toBuilder().clientSecretExpiresOn(null).build(),
                new LanyardConfiguration(List.of(okta))).level(NOW)).isEqualTo(ExpiryLevel.NONE);
    }

    @Test
    void withPrivateKeyJwtTheCertificateLanyardSignsWithIsTheOneThatMatters() {
        ExpiryMonitor monitor = monitor();
        SigningKeys keys = SigningKeys.in(home, "Lanyard test", clock);
        String thumbprint = keys.describe().get(0).sha1Thumbprint();
        String identifier = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(thumbprint));
        application(CONNECTOR_APP, app(secret("unused", "Abc", NOW.plus(Duration.ofDays(2))),
                "{\"displayName\":\"CN=Lanyard\",\"customKeyIdentifier\":\"" + identifier + "\",\"type\":"
                        + "\"AsymmetricX509Cert\",\"usage\":\"Verify\",\"endDateTime\":\"" + NOW.plus(Duration.ofDays(12))
                        + "\"}"));
        EntraConnectorConfig signing = connector().toBuilder().clientAuthMethod(ClientAuthMethod.PRIVATE_KEY_JWT).build();

        ExpiryReport report = monitor.check(signing, new LanyardConfiguration(List.of(), List.of(signing)));

        assertThat(report.relevant(NOW).orElseThrow().kind()).isEqualTo(CredentialExpiry.Kind.CERTIFICATE);
        assertThat(report.level(NOW)).as("the secret in 2 days is not used").isEqualTo(ExpiryLevel.DAYS_14);
    }

    @Test
    void aProviderThatFetchesLanyardsKeysHasLanyardsCertificateEnd() {
        IdentityProviderConfig keycloak = IdentityProviderConfig.builder().id("kc").displayName("Keycloak")
                .discoveryUrl("https://idp.example.com/realms/acme").clientId("lanyard")
                .clientAuthMethod(ClientAuthMethod.PRIVATE_KEY_JWT).build();

        ExpiryReport report = monitor().check(keycloak, new LanyardConfiguration(List.of(keycloak)));

        assertThat(report.relevant(NOW).orElseThrow().origin()).isEqualTo(CredentialExpiry.Origin.LANYARD_CERTIFICATE);
        assertThat(report.level(NOW)).isEqualTo(ExpiryLevel.NONE);
        assertThat(report.level(NOW.plus(SigningKeys.CERTIFICATE_VALIDITY).minus(Duration.ofDays(10))))
                .isEqualTo(ExpiryLevel.DAYS_14);
    }
}
