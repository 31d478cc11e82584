package io.lanyard.bench.login;

import io.lanyard.testing.BrowserCookies;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One simulated person's browser, as the sandbox's end-to-end tests drive it: keeps cookies, follows redirects
 * itself, fills the built-in provider's sign-in form. Reused across logins (connections stay open, as a browser's
 * do); {@link #forgetCookies()} makes the next login start without a session.
 */
final class BrowserSession {

    private static final int MAX_REDIRECTS = 10;

    /** As a browser keeps them: Lanyard's pending-login cookie is set by the login page for the callback's path. */
    private final CookieManager cookies = new BrowserCookies();
    private final HttpClient http;

    BrowserSession() {
        http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }

    /**
     * A whole login: the protected start page, Lanyard's redirect to the provider, its sign-in form, the callback,
     * and the start page again, now logged in.
     *
     * @throws IllegalStateException if any step answers something other than what a successful login shows
     */
    void logIn(URI startPage, String username) throws IOException, InterruptedException {
        HttpResponse<String> signInPage = follow(get(startPage));
        if (signInPage.statusCode() != 200 || !signInPage.body().contains("<form id=\"sign-in\"")) {
            throw new IllegalStateException("expected the provider's sign-in page, got " + signInPage.statusCode()
                    + " at " + signInPage.uri());
        }
        HttpResponse<String> landed = follow(send(HttpRequest.newBuilder(signInPage.uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)))));
        if (landed.statusCode() != 200 || !landed.body().contains("Logged in as " + username)) {
            throw new IllegalStateException("login of " + username + " ended with " + landed.statusCode() + " at "
                    + landed.uri());
        }
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        HttpResponse<String> current = response;
        for (int i = 0; i < MAX_REDIRECTS && isRedirect(current.statusCode()); i++) {
            String location = current.headers().firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException("redirect without Location"));
            current = get(current.uri().resolve(location));
        }
        return current;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
