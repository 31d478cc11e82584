package io.lanyard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.host.HostProduct;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.sandbox.app.WhoAmIServlet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logout through the running sandbox over real HTTP (issue 15): the sandbox's {@code /logout} signs out "also at the
 * provider" (RP-Initiated Logout 1.0), the built-in provider's end-session page sends a back-channel logout token,
 * which ends the person's other sessions at their next request (a page is sent to log in again, a REST call gets 401
 * {@code LNY-834}), and the browser lands on the logged-out page after its {@code state} was checked.
 */
class SandboxLogoutTest {

    @TempDir
    Path home;
    private RunningSandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        SandboxOptions options = SandboxOptions.onFreePorts(home);
        sandbox = Sandbox.start(options, directory -> ClientSecretResolver.atStart(options.product(),
                Optional.of(directory)), SandboxHost.standalone(HostProduct.of(HostProduct.JIRA, "10.3.0")));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private URI at(String pathAndQuery) {
        return URI.create(sandbox.baseUrl() + pathAndQuery);
    }

    private Browser loggedIn(String username) throws Exception {
        Browser browser = new Browser();
        Browser.Page landed = browser.signInAtProvider(browser.open(at("/pages/deep")), username);
        assertThat(landed.body()).contains("Logged in as " + username);
        return browser;
    }

    @Test
    void logoutAlsoAtTheProviderEndsEverySessionOfThePersonAndLandsOnTheLoggedOutPage() throws Exception {
        Browser laptop = loggedIn("alice");
        Browser phone = loggedIn("alice");
        Browser colleague = loggedIn("bob");

        Browser.Page after = laptop.open(at("/logout"));

        URI endSession = laptop.lastVisited("/endsession");
        Map<String, String> request = Browser.queryOf(endSession);
        assertThat(request).containsKeys("id_token_hint", "state").containsEntry("client_id", "lanyard-sandbox")
                .containsEntry("post_logout_redirect_uri", sandbox.baseUrl() + LanyardPaths.POST_LOGOUT);
        assertThat(laptop.lastVisited(LanyardPaths.POST_LOGOUT).getQuery()).contains("state=" + request.get("state"));
        assertThat(after.uri().getPath()).isEqualTo(LanyardPaths.LOGGED_OUT);
        assertThat(laptop.get(at(WhoAmIServlet.PATH)).status()).isEqualTo(401);
        // the back-channel logout the provider sent ended alice's other session: a REST call gets 401 LNY-834 ...
        Browser.Page rest = phone.send(at(WhoAmIServlet.PATH), "application/json");
        assertThat(rest.status()).isEqualTo(401);
        assertThat(rest.body()).contains("LNY-834");
        assertThat(phone.get(at(WhoAmIServlet.PATH)).status()).isEqualTo(401);
        // ... while bob stays logged in
        assertThat(colleague.get(at(WhoAmIServlet.PATH)).body()).contains("bob");
    }

    @Test
    void aPageViewOfARevokedSessionIsSentToLogInAgain() throws Exception {
        Browser laptop = loggedIn("alice");
        Browser phone = loggedIn("alice");
        laptop.open(at("/logout"));

        Browser.Page page = phone.send(at("/pages/deep"), "text/html");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).contains("/pages/deep");
    }

    @Test
    void aReturnFromTheProvidersLogoutWithAnotherStateIsRefused() throws Exception {
        Browser.Page page = new Browser().get(at(LanyardPaths.POST_LOGOUT + "?state=forged"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("LNY-832");
    }

    @Test
    void theBackChannelEndpointAnswers400WithAJsonErrorAndNoStore() throws Exception {
        String id = sandbox.configuration().identityProviders().get(0).id();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                at(LanyardPaths.backChannelLogoutPath(id)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("logout_token=not.a.jwt")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(answer.body()).contains("\"error\":\"invalid_request\"").contains("LNY-441");
    }

    @Test
    void theBuiltInProviderAnnouncesEndSessionAndBackChannelLogout() throws Exception {
        Browser.Page discovery = new Browser().get(URI.create(sandbox.builtInIssuer().orElseThrow()
                + "/.well-known/openid-configuration"));

        assertThat(discovery.body()).contains("\"end_session_endpoint\"").contains("\"backchannel_logout_supported\":true");
    }
}
