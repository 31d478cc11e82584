package io.lanyard.core.provisioning;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.GroupSyncSettings;
import io.lanyard.core.config.GroupSyncSettings.GroupMapping;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.ProvisioningSettings;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.entra.GraphUserGroups;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.testing.EntraStandIn;
import io.lanyard.core.testing.InMemoryHost;
import io.lanyard.core.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Microsoft Entra ID group overage resolved through Microsoft Graph, with WireMock on 127.0.0.1 standing in for the
 * token endpoint and Graph: paging, throttling (429 with Retry-After), timeouts, refusals, the cache; and that a
 * failure leaves the person untouched.
 */
class OverageGroupsTest {

    private static final String OID = "6f1d5c2e-0000-4000-8000-00000000a11c";
    private static final String CONNECTOR = "wdlfqm6se9un";
    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";
    private static final String GROUPS_PATH = "/v1.0/users/" + OID + "/transitiveMemberOf";
    private static final HttpLimits LIMITS = new HttpLimits(Duration.ofSeconds(2), Duration.ofMillis(800), 256 * 1024);

    private WireMockServer graph;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final List<Duration> slept = new CopyOnWriteArrayList<>();
    private final AtomicReference<EntraConnectorConfig> connector = new AtomicReference<>();

    @BeforeEach
    void start() {
        graph = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        graph.start();
        connector.set(EntraConnectorConfig.builder().id(CONNECTOR).displayName("Contoso").tenantId(TENANT)
                .clientId("11111111-2222-3333-4444-555555555555")
                .clientSecret(StoredSecret.plaintext(Secret.of("connector-secret"))).build());
        graph.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"app-token\"}")));
    }

    @AfterEach
    void stop() {
        graph.stop();
    }

    private OverageGroups overage() {
        EntraEndpoints standIn = new EntraStandIn(URI.create("http://127.0.0.1:" + graph.port()));
        GraphUserGroups reader = new GraphUserGroups(new ProviderHttpClient(LIMITS), standIn, clock, duration -> {
            slept.add(duration);
            clock.advance(duration);
        });
        return new OverageGroups(() -> new LanyardConfiguration(List.of(), List.of(connector.get())),
                ClientSecretResolver.fileOnly(), reader, clock);
    }

    private static GroupSyncSettings settings(String connectorId) {
        return ProvisioningSettings.builder().syncGroups(true).overageConnector(connectorId).build().groups();
    }

    private static String group(String id, String name) {
        return "{\"@odata.type\":\"#microsoft.graph.group\",\"id\":\"" + id + "\",\"displayName\":\"" + name + "\"}";
    }

    private void stubPage(String body) {
        graph.stubFor(get(urlPathEqualTo(GROUPS_PATH)).willReturn(okJson(body)));
    }

    private void assertFails(Runnable read, ErrorCode code) {
        assertThatThrownBy(read::run).isInstanceOf(LanyardException.class)
                .extracting(e -> ((LanyardException) e).errorCode()).isEqualTo(code);
    }

    @Test
    void theTransitiveGroupsOfTheTokensOidAreReadWithTheConnectorsTokenAcrossPages() {
        String next = "http://127.0.0.1:" + graph.port() + GROUPS_PATH + "?$skiptoken=page2";
        graph.stubFor(get(urlPathEqualTo(GROUPS_PATH)).withQueryParam("$skiptoken", equalTo("page2"))
                .withHeader("Authorization", equalTo("Bearer app-token"))
                .willReturn(okJson("{\"value\":[" + group("g3", "Operations") + "]}")));
        graph.stubFor(get(urlPathEqualTo(GROUPS_PATH)).withQueryParam("$select", equalTo("id,displayName"))
                .withHeader("Authorization", equalTo("Bearer app-token"))
                .willReturn(okJson("{\"value\":[" + group("g1", "Engineering") + ","
                        + "{\"@odata.type\":\"#microsoft.graph.directoryRole\",\"id\":\"r1\",\"displayName\":\"Role\"},"
                        + "{\"@odata.type\":\"#microsoft.graph.group\",\"id\":\"g2\",\"displayName\":null}],"
                        + "\"@odata.nextLink\":\"" + next + "\"}")));

        List<ProviderGroup> groups = overage().groupsOf(settings(CONNECTOR), "entra", Optional.of(OID));

        assertThat(groups).containsExactly(new ProviderGroup("g1", "Engineering"), new ProviderGroup("g2", "g2"),
                new ProviderGroup("g3", "Operations"));
        graph.verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("client_credentials")));
        graph.verify(2, getRequestedFor(urlPathEqualTo(GROUPS_PATH)));
    }

    @Test
    void aNextLinkOffTheConnectorsGraphIsNotFollowedAndIsLny723() {
        stubPage("{\"value\":[],\"@odata.nextLink\":\"https://graph.evil.example/v1.0/steal\"}");

        assertFails(() -> overage().groupsOf(settings(CONNECTOR), "entra", Optional.of(OID)),
                ErrorCode.OVERAGE_GRAPH_ANSWER_INVALID);
    }

    @Test
    void aShortRetryAfterIsWaitedOutOnce() {
        graph.stubFor(get(urlPathEqualTo(GROUPS_PATH)).inScenario("throttled").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2").withBody(
                        "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}"))
                .willSetStateTo("after"));
        graph.stubFor(get(urlPathEqualTo(GROUPS_PATH)).inScenario("throttled").whenScenarioStateIs("after")
                .willReturn(okJson("{\"value\":[" + group("g1", "Engineering") + "]}")));

        assertThat(overage().groupsOf(settings(CONNECTOR), "entra", Optional.of(OID))).hasSize(1);
        assertThat(slept).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aRetryAfterLongerThanALoginMayWaitIsLny721() {
        graph.stubFor(get(urlPathEqualTo(GROUPS_PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "120")));

        assertFails(() -> overage().groupsOf(settings(CONNECTOR), "entra", Optional.of(OID)),
                ErrorCode.OVERAGE_GRAPH_THROTTLED);
        assertThat(slept).isEmpty();
    }

    @Test
    void aSecond429AfterTheWaitIsLny721() {
        graph.stubFor(get(urlPathEqualTo(GROUPS_PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "1")));

        assertFails(() -> overage().groupsOf(settings(CONNECTOR), "entra", Optional.of(OID)),
                ErrorCode.OVERAGE_GRAPH_THROTTLED);
        assertThat(slept).hasSize(1);
    }

    @Test
    void aGraphThatDoesNotAnswerInTimeIsLny720() {
        graph.stubFor(get(urlPathEqualTo(GROUPS_PATH)).willReturn(okJson("{\"value\":[]}").withFixedDelay(3000)));

        assertFails(() -> overage().groupsOf(settings(CONNECTOR), "entra", Optional.of(OID)),
                ErrorCode.OVERAGE_GRAPH_UNREACHABLE);
    }

    @Test
    void aMissingPermissionIsLny722AndARefusedTokenToo() {
        graph.stubFor(get(urlPathEqualTo(GROUPS_PATH)).willReturn(aResponse().withStatus(403).withBody(
                "{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"Insufficient privileges\"}}")));
        assertFails(() -> overage().groupsOf(settings(CONNECTOR), "entra", Optional.of(OID)),
                ErrorCode.OVERAGE_GRAPH_REFUSED);

        graph.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(
                "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret\"}")));
        assertFails(() -> overage().groupsOf(settings(CONNECTOR), "entra", Optional.of(OID)),
                ErrorCode.OVERAGE_GRAPH_REFUSED);
    }

    @Test
    void anUnknownUserOrATokenWithoutOidIsLny724() {
        graph.stubFor(get(urlPathEqualTo(GROUPS_PATH)).willReturn(aResponse().withStatus(404).withBody(
                "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"does not exist\"}}")));

        assertFails(() -> overage().groupsOf(settings(CONNECTOR), "entra", Optional.of(OID)),
                ErrorCode.OVERAGE_USER_UNKNOWN);
        assertFails(() -> overage().groupsOf(settings(CONNECTOR), "entra", Optional.empty()),
                ErrorCode.OVERAGE_USER_UNKNOWN);
    }

    @Test
    void noConnectorAnUnknownOneADisabledOneOrOneWithoutSecretIsLny725() {
        OverageGroups overage = overage();
        assertFails(() -> overage.groupsOf(settings(null), "entra", Optional.of(OID)),
                ErrorCode.OVERAGE_CONNECTOR_UNAVAILABLE);
        assertFails(() -> overage.groupsOf(settings("zzzzzzzzzzzz"), "entra", Optional.of(OID)),
                ErrorCode.OVERAGE_CONNECTOR_UNAVAILABLE);
        connector.set(connector.get().toBuilder().enabled(false).build());
        assertFails(() -> overage.groupsOf(settings(CONNECTOR), "entra", Optional.of(OID)),
                ErrorCode.OVERAGE_CONNECTOR_UNAVAILABLE);
        connector.set(connector.get().toBuilder().enabled(true).clientSecret(StoredSecret.none()).build());
        assertFails(() -> overage.groupsOf(settings(CONNECTOR), "entra", Optional.of(OID)),
                ErrorCode.OVERAGE_CONNECTOR_UNAVAILABLE);
        graph.verify(0, getRequestedFor(urlPathEqualTo(GROUPS_PATH)));
    }

    @Test
    void theGroupsOfAPersonAreReusedForTheCacheTimeAndTheTokenUntilItExpires() {
        stubPage("{\"value\":[" + group("g1", "Engineering") + "]}");
        OverageGroups overage = overage();

        overage.groupsOf(settings(CONNECTOR), "entra", Optional.of(OID));
        overage.groupsOf(settings(CONNECTOR), "entra", Optional.of(OID));
        graph.verify(1, getRequestedFor(urlPathEqualTo(GROUPS_PATH)));

        clock.advance(GroupSyncSettings.DEFAULT_OVERAGE_CACHE_TIME);
        overage.groupsOf(settings(CONNECTOR), "entra", Optional.of(OID));
        graph.verify(2, getRequestedFor(urlPathEqualTo(GROUPS_PATH)));
        graph.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void aMappingTableMayNameAnOverageGroupByObjectIdOrByName() {
        stubPage("{\"value\":[" + group("6a9e", "Engineering") + "," + group("77b1", "Sales") + "]}");
        InMemoryHost host = new InMemoryHost().withGroups("jira-developers", "jira-sales")
                .with(new HostUser("alice", "Alice", "alice@example.com", true));
        Identities identities = Identities.of(s -> s.syncGroups(true).overageConnector(CONNECTOR)
                .groupMappings(List.of(new GroupMapping("6a9e", "jira-developers"),
                        new GroupMapping("Sales", "jira-sales"))));

        new AccountProvisioning(host, host, host, Optional.of(overage()), event -> { }, clock)
                .accountFor(identities.of("alice", Map.of("_claim_names", Map.of("groups", "src1"), "oid", OID)));

        assertThat(host.groupsOf("alice")).containsExactlyInAnyOrder("jira-developers", "jira-sales");
    }

    @Test
    void aGraphFailureLeavesThePersonUntouched() {
        graph.stubFor(get(urlPathEqualTo(GROUPS_PATH)).willReturn(aResponse().withStatus(503).withBody("busy")));
        InMemoryHost host = new InMemoryHost().withGroups("jira-developers")
                .with(new HostUser("alice", "Alice", "alice@example.com", false), "jira-developers");
        Identities identities = Identities.of(s -> s.syncGroups(true).overageConnector(CONNECTOR).createUsers(true)
                .reactivateUsers(true).groupMappings(List.of(new GroupMapping("x", "jira-developers"))));
        AccountProvisioning provisioning = new AccountProvisioning(host, host, host, Optional.of(overage()),
                event -> { }, clock);

        assertFails(() -> provisioning.accountFor(identities.of("alice", Map.of("hasgroups", true, "oid", OID))),
                ErrorCode.OVERAGE_GRAPH_THROTTLED);
        assertFails(() -> provisioning.accountFor(identities.of("dave", Map.of("hasgroups", true, "oid", OID,
                "email", "dave@example.com"))), ErrorCode.OVERAGE_GRAPH_THROTTLED);

        assertThat(host.writes).isEmpty();
        assertThat(host.user("alice").orElseThrow().active()).isFalse();
        assertThat(host.groupsOf("alice")).containsExactly("jira-developers");
    }
}
