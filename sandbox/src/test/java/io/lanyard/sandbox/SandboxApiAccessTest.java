package io.lanyard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.sandbox.idp.ClientSecretFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API access in a fresh sandbox, as README's two curl commands do it: a client-credentials token from the built-in
 * provider (client {@code lanyard-sandbox}, its secret in {@code sandbox-idp.properties}), then
 * {@code /rest/sandbox/1/whoami} with it answers {@code sandbox-bot}, for that request only.
 */
class SandboxApiAccessTest {

    @TempDir
    static Path home;
    private static RunningSandbox sandbox;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.onFreePorts(home));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static String clientSecret() throws Exception {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(home.resolve(ClientSecretFile.FILE_NAME))) {
            properties.load(in);
        }
        return properties.getProperty("client_secret");
    }

    /** curl -u lanyard-sandbox:SECRET -d grant_type=client_credentials http://localhost:PORT/sandbox/token */
    private static String token() throws Exception {
        String basic = Base64.getEncoder().encodeToString(("lanyard-sandbox:" + clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                        sandbox.builtInIssuer().orElseThrow() + "/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private static HttpResponse<String> whoami(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/rest/sandbox/1/whoami"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aClientCredentialsTokenOfTheSandboxClientActsAsSandboxBotWithoutASession() throws Exception {
        String token = token();
        assertThat(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8))
                .contains("\"typ\":\"at+jwt\"");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = whoami("Bearer " + token);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).startsWith("{\"username\":\"sandbox-bot\",");
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void aTamperedTokenIs401InvalidTokenWithCodeAndReferenceNeverARedirect() throws Exception {
        String token = token();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        HttpResponse<String> response = whoami("Bearer " + tampered);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer realm=\"lanyard\", error=\"invalid_token\", error_description=\"LNY-903 (reference ");
        assertThat(response.body()).startsWith("{\"code\":\"LNY-903\",\"error\":\"BEARER_SIGNATURE_INVALID\"")
                .doesNotContain("Exception").doesNotContain("at io.");
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void otherAuthorizationPassesUntouched() throws Exception {
        // A personal access token's shape and another issuer's JWT reach the application as they are.
        for (String authorization : new String[] {"Bearer MTIzNDU2Nzg5MDEyOgAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "Bearer not.a.jwt"}) {
            HttpResponse<String> response = whoami(authorization);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"error\":\"not logged in\"}");
            assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        }
    }

    @Test
    void basicPassesTheBearerCheckToTheSandboxsOwnBasicAuthentication() throws Exception {
        HttpResponse<String> alice = whoami("Basic YWxpY2U6YWxpY2U=");
        assertThat(alice.statusCode()).isEqualTo(200);
        assertThat(alice.body()).contains("\"username\":\"alice\"");
        assertThat(alice.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aHugeTokenIsRefusedWithoutAStackTrace() throws Exception {
        HttpResponse<String> response = whoami("Bearer eyJ" + "A".repeat(20_000));
        assertThat(response.statusCode()).isIn(400, 401, 431);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void theSandboxWroteItsTokenIssuer() throws Exception {
        assertThat(Files.readString(sandbox.lanyardDirectory().resolve("token-issuer.xml")))
                .contains("<CLIENT id=\"lanyard-sandbox\" account=\"sandbox-bot\"");
    }
}
