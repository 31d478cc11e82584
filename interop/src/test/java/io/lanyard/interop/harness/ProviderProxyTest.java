package io.lanyard.interop.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test proxy itself, against a small provider stand-in, so that the interoperability tests can trust it. */
class ProviderProxyTest {

    private static final String CALLBACK = "http://localhost:1234/plugins/servlet/lanyard/callback/idp";
    // a syntactically valid JWT (header {"alg":"RS256","kid":"k1"}); its signature is not checked here
    private static final String ID_TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJhbGljZSJ9.c2ln";

    private final List<String> upstreamRequests = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private HttpServer upstream;
    private ProviderProxy proxy;

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        upstream.createContext("/auth", exchange -> {
            upstreamRequests.add(exchange.getRequestURI().getRawQuery() + " host=" + exchange.getRequestHeaders().getFirst("X-Forwarded-Host"));
            exchange.getResponseHeaders().add("Location", CALLBACK + "?code=secret-code&state=s&iss=http%3A%2F%2Fissuer");
            exchange.getResponseHeaders().add("Set-Cookie", "a=1");
            exchange.getResponseHeaders().add("Set-Cookie", "b=2");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        upstream.createContext("/token", exchange -> {
            upstreamRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = ("{\"access_token\":\"at\",\"id_token\":\"" + ID_TOKEN + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
        proxy = ProviderProxy.start();
        proxy.forwardTo(upstream.getAddress().getPort());
        proxy.callbackPrefix("http://localhost:1234/plugins/servlet/lanyard/callback/");
    }

    @AfterEach
    void stop() {
        proxy.close();
        upstream.stop(0);
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(proxy.url() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postToken(String form, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(proxy.url() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void forwardsRequestsAndResponsesWithEveryHeaderValueAndTellsTheProviderItsPublicHost() throws Exception {
        HttpResponse<String> response = get("/auth?client_id=c&code_challenge=x&code_challenge_method=S256");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
        assertThat(upstreamRequests).containsExactly("client_id=c&code_challenge=x&code_challenge_method=S256 host="
                + proxy.url().getAuthority());
    }

    @Test
    void recordsParameterNamesTheAuthorizationResponsesIssAndTheIdTokensHeaderButNoSecretValues() throws Exception {
        get("/auth?client_id=c&code_challenge=x&code_challenge_method=S256&state=st");
        postToken("grant_type=authorization_code&code=secret-code&code_verifier=v&client_secret=cs", "Basic Yzpz");

        List<ProviderProxy.Seen> seen = proxy.all();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).queryParameters()).containsExactly("client_id", "code_challenge", "code_challenge_method", "state");
        assertThat(seen.get(0).visibleParameters()).isEqualTo(Map.of("client_id", "c", "code_challenge_method", "S256"));
        assertThat(seen.get(0).callbackRedirect()).contains(
                new ProviderProxy.CallbackRedirect(Optional.of("http://issuer"), true, Optional.empty()));
        assertThat(seen.get(1).formParameters()).containsExactly("grant_type", "code", "code_verifier", "client_secret");
        assertThat(seen.get(1).authorizationScheme()).isEqualTo("Basic");
        assertThat(seen.get(1).idToken()).contains(new ProviderProxy.IssuedIdToken("RS256", "k1"));
        assertThat(seen.toString()).doesNotContain("secret-code").doesNotContain("Yzpz").doesNotContain(ID_TOKEN)
                .doesNotContain("cs,").doesNotContain("=v");
    }

    @Test
    void aRefusedPathGetsNoAnswerAtAllAndOtherPathsStillWork() throws Exception {
        proxy.refuse(path -> path.equals("/token"));

        assertThatThrownBy(() -> postToken("grant_type=authorization_code", null)).isInstanceOf(IOException.class);
        assertThat(get("/auth").statusCode()).isEqualTo(302);
        assertThat(proxy.all()).extracting(ProviderProxy.Seen::refused).containsExactly(true, false);
        assertThat(upstreamRequests).hasSize(1);

        proxy.behave();
        assertThat(postToken("grant_type=authorization_code", null).statusCode()).isEqualTo(200);
    }

    @Test
    void replacesOrRemovesTheIssOfAnAuthorizationResponseOnly() throws Exception {
        proxy.tamperWithResponseIssuer(Optional.of("http://evil"));
        assertThat(get("/auth").headers().firstValue("Location"))
                .contains(CALLBACK + "?code=secret-code&state=s&iss=http%3A%2F%2Fevil");

        proxy.tamperWithResponseIssuer(Optional.empty());
        assertThat(get("/auth").headers().firstValue("Location")).contains(CALLBACK + "?code=secret-code&state=s");

        proxy.behave();
        assertThat(get("/auth").headers().firstValue("Location"))
                .contains(CALLBACK + "?code=secret-code&state=s&iss=http%3A%2F%2Fissuer");
    }

    @Test
    void dropsParametersOfTheAuthorizationRequestOnly() throws Exception {
        proxy.dropAuthorizationParameters("/auth", Set.of("code_challenge", "code_challenge_method"));

        get("/auth?client_id=c&code_challenge=x&code_challenge_method=S256&state=s");

        assertThat(upstreamRequests).singleElement().asString().startsWith("client_id=c&state=s ");
    }
}
