package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.signing.SigningKeys;
import io.lanyard.core.http.HttpLimits;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import io.lanyard.core.testing.FakeProvider;
import io.lanyard.core.testing.InMemoryUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The core flow against mock-oauth2-server, a provider from Maven Central over real HTTP: discovery, keys,
 * PKCE, code exchange and ID token as another implementation produces them.
 */
class MockOAuth2ServerLoginTest {

    private static final String IDP = "MockOAuth2Server0001";
    private static final String CLIENT_ID = "lanyard-it";
    private final MockOAuth2Server server = new MockOAuth2Server();
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() {
        server.start(0);
    }

    @AfterEach
    void stop() {
        server.shutdown();
    }

    @TempDir
    Path keys;

    private LoginService service(ClientAuthMethod method) {
        IdentityProviderConfig provider = IdentityProviderConfig.builder().id(IDP).displayName("mock-oauth2-server")
                .discoveryUrl(server.wellKnownUrl("default").toString()).clientId(CLIENT_ID)
                .clientSecret(StoredSecret.plaintext(Secret.of("any-secret"))).clientAuthMethod(method).build();
        return LoginService.create(new ConfigurationHolder(new LanyardConfiguration(List.of(provider))),
                ClientSecretResolver.fileOnly(), SigningKeys.in(keys, "Lanyard test", Clock.systemUTC()),
                InMemoryUsers.standard(), () -> URI.create("http://localhost:8080"), Clock.systemUTC(),
                HttpLimits.DEFAULT);
    }

    /** Follows the provider's non-interactive login to the redirect back to Lanyard and reads its parameters. */
    private Map<String, String> authorize(URI authorizationUri) throws Exception {
        HttpResponse<Void> response = browser.send(HttpRequest.newBuilder(authorizationUri).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith("http://localhost:8080/plugins/servlet/lanyard/callback/" + IDP);
        return FakeProvider.parseForm(location.getRawQuery());
    }

    @ParameterizedTest
    @EnumSource(ClientAuthMethod.class)
    void loginThroughMockOAuth2ServerMapsTheUser(ClientAuthMethod method) throws Exception {
        LoginService service = service(method);
        server.enqueueCallback(new DefaultOAuth2TokenCallback("default", "bob", "JWT", List.of(CLIENT_ID),
                Map.of("preferred_username", "bob"), 300));
        LoginRedirect redirect = service.startLogin(IDP, "/pages/x");

        Map<String, String> callback = authorize(redirect.authorizationUri());
        LoginSuccess success = service.completeLogin(IDP, redirect.pendingLogin(),
                AuthorizationResponse.of(callback.get("state"), callback.get("code"), callback.get("iss"), null, null));

        assertThat(success.user().username()).isEqualTo("bob");
        assertThat(success.returnPath()).isEqualTo("/pages/x");
        assertThat(server.takeRequest().getRequestUrl().encodedPath()).endsWith("/.well-known/openid-configuration");
    }

    @Test
    void loginWhenTokenAddressedToAnotherClientThenRefused() throws Exception {
        assertThat(refusalOfTokenFor(List.of("another-client"))).isEqualTo(ErrorCode.ID_TOKEN_AUDIENCE_MISMATCH);
    }

    @Test
    void loginWhenTokenAlsoAddressedToAnUntrustedAudienceThenRefused() throws Exception {
        assertThat(refusalOfTokenFor(List.of(CLIENT_ID, "some-other-api"))).isEqualTo(ErrorCode.ID_TOKEN_UNTRUSTED_AUDIENCE);
    }

    /** A whole login in which the provider issues the ID token to {@code audience}: the code it fails with. */
    private ErrorCode refusalOfTokenFor(List<String> audience) throws Exception {
        LoginService service = service(ClientAuthMethod.CLIENT_SECRET_BASIC);
        // In the code flow mock-oauth2-server addresses the token to the requesting client; a claim "aud" overrides it.
        server.enqueueCallback(new DefaultOAuth2TokenCallback("default", "bob", "JWT", List.of(CLIENT_ID),
                Map.of("preferred_username", "bob", "aud", audience), 300));
        LoginRedirect redirect = service.startLogin(IDP, "/");
        Map<String, String> callback = authorize(redirect.authorizationUri());

        Throwable refusal = catchThrowable(() -> service.completeLogin(IDP, redirect.pendingLogin(),
                AuthorizationResponse.of(callback.get("state"), callback.get("code"), callback.get("iss"), null, null)));
        assertThat(refusal).isInstanceOf(LoginFailedException.class);
        return ((LoginFailedException) refusal).errorCode();
    }
}
