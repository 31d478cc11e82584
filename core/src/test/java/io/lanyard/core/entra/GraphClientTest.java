package io.lanyard.core.entra;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jwt.SignedJWT;
import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.signing.SigningKeys;
import io.lanyard.core.testing.EntraStandIn;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * App-only tokens for Microsoft Graph against WireMock standing in for Entra ID: a rotation of the connector's secret
 * (the current one expired at Entra ID, the next one accepted) and Lanyard's certificate instead of a secret.
 */
class GraphClientTest {

    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";
    private static final String CURRENT = "abc8Q~current-secret-value";
    private static final String NEXT = "xyz8Q~next-secret-value";
    private static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";
    private static final String TOKEN = "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"app-token\"}";

    @TempDir
    Path home;

    private WireMockServer entra;
    private final ClientSecretResolver secrets = ClientSecretResolver.fileOnly();

    @BeforeEach
    void start() {
        entra = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        entra.start();
    }

    @AfterEach
    void stop() {
        entra.stop();
    }

    private GraphClient graph() {
        EntraEndpoints standIn = new EntraStandIn(URI.create("http://127.0.0.1:" + entra.port()));
        return new GraphClient(new ProviderHttpClient(new HttpLimits(Duration.ofSeconds(2), Duration.ofSeconds(2),
                16 * 1024)), secrets, SigningKeys.in(home, "Lanyard test", Clock.systemUTC()), standIn);
    }

    private static EntraConnectorConfig connector(String next) {
        return EntraConnectorConfig.builder().id("wdlfqm6se9un").displayName("Contoso").tenantId(TENANT)
                .clientId(CLIENT_ID).clientSecret(StoredSecret.plaintext(Secret.of(CURRENT)))
                .nextClientSecret(next == null ? StoredSecret.none() : StoredSecret.plaintext(Secret.of(next))).build();
    }

    private void entraAccepts(String secret) {
        entra.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(5).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000222: The provided client "
                        + "secret keys for app '" + CLIENT_ID + "' are expired.\"}")));
        entra.stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1).withFormParam("client_secret", equalTo(secret))
                .willReturn(okJson(TOKEN)));
    }

    @Test
    void whenEntraIdNoLongerTakesTheCurrentSecretTheNextOneIsTriedOnceAndRememberedForTheNextCall() throws Exception {
        entraAccepts(NEXT);
        GraphClient graph = graph();

        assertThat(graph.token(connector(NEXT)).getValue()).isEqualTo("app-token");
        assertThat(graph.token(connector(NEXT)).getValue()).isEqualTo("app-token");

        entra.verify(3, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        entra.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withFormParam("client_secret", equalTo(CURRENT)));
    }

    @Test
    void whenEntraIdRefusesBothSecretsItIsLny304WithEntrasOwnWords() {
        entraAccepts("neither");

        EntraCallException failure = catchThrowableOfType(EntraCallException.class, () -> graph().token(connector(NEXT)));

        assertThat(failure.code()).isEqualTo(ErrorCode.CLIENT_SECRETS_BOTH_REFUSED);
        assertThat(failure.remoteDescription()).hasValueSatisfying(text -> assertThat(text).startsWith("AADSTS7000222"));
    }

    @Test
    void aSecretEntraIdEchoesBackNeverReachesTheFailure() {
        entra.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"secret " + CURRENT + " is wrong\"}")));

        EntraCallException failure = catchThrowableOfType(EntraCallException.class, () -> graph().token(connector(null)));

        assertThat(failure.code()).isEqualTo(ErrorCode.ENTRA_TOKEN_REFUSED);
        assertThat(failure.remoteDescription()).hasValue("secret [secret] is wrong");
    }

    @Test
    void withLanyardsCertificateTheTokenRequestCarriesAnAssertionForTheRealTokenEndpointAndNoSecret() throws Exception {
        entra.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type"
                        + "%3Ajwt-bearer"))
                .willReturn(okJson(TOKEN)));
        EntraConnectorConfig connector = connector(null).toBuilder().clientSecret(StoredSecret.none())
                .clientAuthMethod(ClientAuthMethod.PRIVATE_KEY_JWT).build();

        assertThat(graph().token(connector).getValue()).isEqualTo("app-token");

        entra.verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withRequestBody(absentSecret()));
        List<LoggedRequest> requests = entra.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        SignedJWT assertion = SignedJWT.parse(form(requests.get(0).getBodyAsString(), "client_assertion"));
        // Microsoft identity platform certificate credentials: aud is the tenant's token endpoint at Microsoft.
        assertThat(assertion.getJWTClaimsSet().getAudience())
                .containsExactly("https://login.microsoftonline.com/" + TENANT + "/oauth2/v2.0/token");
        assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo(CLIENT_ID);
        assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo(CLIENT_ID);
        assertThat(assertion.getHeader().getX509CertThumbprint()).as("x5t, which Entra ID looks certificates up by")
                .isNotNull();
    }

    @Test
    void anAssertionEntraIdRefusesIsLny716() {
        entra.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS700027: The certificate with "
                        + "identifier used to sign the client assertion is not registered on application.\"}")));
        EntraConnectorConfig connector = connector(null).toBuilder().clientAuthMethod(ClientAuthMethod.PRIVATE_KEY_JWT)
                .build();

        EntraCallException failure = catchThrowableOfType(EntraCallException.class, () -> graph().token(connector));

        assertThat(failure.code()).isEqualTo(ErrorCode.ENTRA_CLIENT_ASSERTION_REFUSED);
        assertThat(failure.remoteDescription()).hasValueSatisfying(text -> assertThat(text).startsWith("AADSTS700027"));
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern absentSecret() {
        return com.github.tomakehurst.wiremock.client.WireMock.notContaining("client_secret=");
    }

    private static String form(String body, String name) {
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException(name + " not in the form");
    }
}
