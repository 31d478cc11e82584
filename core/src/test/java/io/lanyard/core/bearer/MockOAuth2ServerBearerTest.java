package io.lanyard.core.bearer;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.bearer.BearerOutcome.Granted;
import io.lanyard.core.bearer.BearerOutcome.Refused;
import io.lanyard.core.config.ClientMapping;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.TokenIssuerConfig;
import io.lanyard.core.config.TokenIssuerConfig.TokenCheck;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.testing.InMemoryHost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real authorization server (navikt's mock-oauth2-server) issues client-credentials tokens at its token endpoint;
 * Lanyard checks them locally (its tokens are typed {@code JWT}, so the issuer allows that) and by introspection.
 */
class MockOAuth2ServerBearerTest {

    private static final String CLIENT = "deploy-bot";
    private static final String AUDIENCE = "api://jira";
    private final MockOAuth2Server server = new MockOAuth2Server();
    private final InMemoryHost host = new InMemoryHost();

    @BeforeEach
    void start() {
        server.start(0);
    }

    @AfterEach
    void stop() {
        server.shutdown();
    }

    private BearerAuthenticator authenticator(TokenCheck check) {
        TokenIssuerConfig issuer = TokenIssuerConfig.builder().id("mockissuer01").displayName("mock-oauth2-server")
                .issuer(server.issuerUrl("default").toString()).tokenCheck(check).acceptJwtType(true)
                .jwksUri(server.jwksUrl("default").toString())
                .introspectionEndpoint(server.url("/default/introspect").toString()).opaqueTokenPaths(List.of("/rest/"))
                .clientId("lanyard").clientSecret(StoredSecret.plaintext(Secret.of("any-secret-0123456789")))
                .audience(AUDIENCE).clientMappings(List.of(new ClientMapping(CLIENT, "svc-deploy", false, List.of(),
                        Optional.empty()))).build();
        return new BearerAuthenticator(new ConfigurationHolder(LanyardConfiguration.empty()
                .with(IntegrationKind.TOKEN_ISSUER, List.of(issuer))), ClientSecretResolver.fileOnly(), host, host,
                event -> { }, Clock.systemUTC(), HttpLimits.DEFAULT);
    }

    /** The client credentials grant at the server's token endpoint (RFC 6749 §4.4), as a script would. */
    private String clientCredentialsToken(String client, String audience) throws Exception {
        // RFC 9068 §2.2: an access token names its client in client_id; the server's default callback does not.
        server.enqueueCallback(new DefaultOAuth2TokenCallback("default", client, "JWT", List.of(audience),
                Map.of("client_id", client), 3600));
        return plainClientCredentialsToken(client, audience);
    }

    private String plainClientCredentialsToken(String client, String audience) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":secret").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.tokenEndpointUrl("default").uri())
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + audience)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        int start = body.indexOf("\"access_token\"");
        int open = body.indexOf('"', body.indexOf(':', start) + 1);
        return body.substring(open + 1, body.indexOf('"', open + 1));
    }

    private static final TestRequest GET = BearerAuthenticatorTest.request("GET", "/rest/api/2/myself", "127.0.0.1",
            null);

    @Test
    void aClientCredentialsTokenIsCheckedLocally() throws Exception {
        BearerOutcome outcome = authenticator(TokenCheck.JWT)
                .authenticate("Bearer " + clientCredentialsToken(CLIENT, AUDIENCE), GET, TestRequest.READER);
        assertThat(outcome).isInstanceOf(Granted.class);
        assertThat(((Granted) outcome).username()).isEqualTo("svc-deploy");
        assertThat(host.user("svc-deploy")).isPresent();
    }

    @Test
    void aClientCredentialsTokenIsCheckedByIntrospection() throws Exception {
        BearerOutcome outcome = authenticator(TokenCheck.INTROSPECTION)
                .authenticate("Bearer " + clientCredentialsToken(CLIENT, AUDIENCE), GET, TestRequest.READER);
        assertThat(outcome).isInstanceOf(Granted.class);
    }

    @Test
    void anotherAudienceAndAnotherClientAreRefused() throws Exception {
        BearerAuthenticator authenticator = authenticator(TokenCheck.JWT);
        assertThat(((Refused) authenticator.authenticate("Bearer " + clientCredentialsToken(CLIENT, "api://other"), GET, TestRequest.READER))
                .code()).isEqualTo(ErrorCode.BEARER_AUDIENCE_MISMATCH);
        assertThat(((Refused) authenticator.authenticate("Bearer " + clientCredentialsToken("intruder", AUDIENCE), GET, TestRequest.READER))
                .code()).isEqualTo(ErrorCode.BEARER_CLIENT_NOT_ALLOWED);
    }

    @Test
    void aTokenThatNamesItsClientOnlyAsSubjectIsRefused() throws Exception {
        // What the server issues by default: sub is the client, no client_id or azp (RFC 9700 §4.15: sub alone never).
        assertThat(((Refused) authenticator(TokenCheck.JWT).authenticate("Bearer "
                + plainClientCredentialsToken(CLIENT, AUDIENCE), GET, TestRequest.READER)).code()).isEqualTo(ErrorCode.BEARER_CLIENT_MISSING);
    }
}
