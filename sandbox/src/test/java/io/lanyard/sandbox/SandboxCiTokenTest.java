package io.lanyard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.config.IntegrationKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;

/**
 * README "CI jobs without secrets", "Try it in the sandbox", command by command: a Pipelines-shaped job token from the
 * sandbox's stand-in Bitbucket issuer ({@code curl …/rest/sandbox/1/ci-token}) reaches {@code whoami} as
 * {@code ci-bot}; the same job on another branch is refused 403 with {@code LNY-949}; an expired one 401
 * {@code LNY-944}.
 */
class SandboxCiTokenTest {

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

    /** TOKEN=$(curl -s "http://localhost:8080/rest/sandbox/1/ci-token?…") */
    private static String token(String query) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                + "/rest/sandbox/1/ci-token" + query)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/rest/sandbox/1/whoami */
    private static HttpResponse<String> whoami(String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/rest/sandbox/1/whoami"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theReadmeShowsTheseCommands() throws Exception {
        String readme = java.nio.file.Files.readString(Path.of("../README.md"));
        assertThat(readme).contains("TOKEN=$(curl -s http://localhost:8080/rest/sandbox/1/ci-token)\n"
                + "curl -H \"Authorization: Bearer $TOKEN\" http://localhost:8080/rest/sandbox/1/whoami\n"
                + "# {\"username\":\"ci-bot\",…}\n"
                + "TOKEN=$(curl -s \"http://localhost:8080/rest/sandbox/1/ci-token?branchName=feature/x\")\n"
                + "curl -i -H \"Authorization: Bearer $TOKEN\" http://localhost:8080/rest/sandbox/1/whoami\n");
    }

    @Test
    void aFreshSandboxHasThePipelinePolicy() {
        assertThat(sandbox.configuration().all(IntegrationKind.CI_TRUST_POLICY)).singleElement()
                .satisfies(policy -> assertThat(policy.account()).isEqualTo("ci-bot"));
    }

    @Test
    void aPipelinesJobTokenOnMainActsAsCiBotWithoutASession() throws Exception {
        String token = token("");
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"repositoryUuid\":\"{", "\"branchName\":\"main\"", "\"stepUuid\":\"{",
                "\"aud\":\"ari:cloud:bitbucket::workspace/");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = whoami(token);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).startsWith("{\"username\":\"ci-bot\",");
            assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void theSameJobOnAnotherBranchIsRefused403WithItsCode() throws Exception {
        HttpResponse<String> response = whoami(token("?branchName=feature/x"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer realm=\"lanyard\", error_description=\"LNY-949 (reference ");
        assertThat(response.body()).startsWith("{\"code\":\"LNY-949\",\"error\":\"CI_CONDITION_FAILED\"");
    }

    @Test
    void anotherRepositoryAndAnExpiredTokenAreRefused() throws Exception {
        assertThat(whoami(token("?repositoryUuid=%7B00000000-0000-0000-0000-000000000000%7D")).body())
                .startsWith("{\"code\":\"LNY-949\"");
        HttpResponse<String> expired = whoami(token("?exp=-120"));
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"",
                "LNY-944");
    }
}
