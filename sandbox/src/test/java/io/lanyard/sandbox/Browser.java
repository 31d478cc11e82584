package io.lanyard.sandbox;

import io.lanyard.testing.BrowserCookies;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A minimal browser for end-to-end tests: keeps cookies, follows redirects itself (resolving relative
 * {@code Location}s) and records every URL it visited, so tests can look at the authorization request or replay
 * the callback.
 */
final class Browser {

    private static final int MAX_REDIRECTS = 20;

    private final CookieManager cookieManager = new BrowserCookies();
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookieManager)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<URI> visited = new ArrayList<>();

    /** One response, and the URL it answered. */
    record Page(URI uri, int status, String body, Map<String, List<String>> headers) {

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    /** GET without following redirects. */
    Page get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** GET with an {@code Accept} header, as a page view ({@code text/html}) or a script's call would. */
    Page send(URI uri, String accept) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Accept", accept).GET());
    }

    /** GET, then follow redirects to the end. */
    Page open(URI uri) throws IOException, InterruptedException {
        return follow(get(uri));
    }

    /** POST a form, then follow redirects to the end. */
    Page submit(URI uri, Map<String, String> form) throws IOException, InterruptedException {
        return follow(post(uri, form));
    }

    /** PUT a JSON document with the admin API's XSRF header, without following redirects. */
    Page put(URI uri, String json, String xsrfToken) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("X-Lanyard-XSRF", xsrfToken).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POST a JSON document with the admin API's XSRF header, without following redirects. */
    Page postJson(URI uri, String json, String xsrfToken) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("X-Lanyard-XSRF", xsrfToken).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POST a form without following redirects. */
    Page post(URI uri, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Fills the built-in provider's sign-in form and stops at its redirect back (the callback URL, not yet visited). */
    URI signInAtProviderUntilTheCallback(Page signInPage, String username) throws IOException, InterruptedException {
        requireSignInPage(signInPage);
        Page answer = post(signInPage.uri(), Map.of("username", username));
        String location = answer.header("Location").orElseThrow(() -> new AssertionError("no redirect back: " + answer));
        return signInPage.uri().resolve(location);
    }

    /** The cookies the browser holds now (copies, to put back with {@link #keep}). */
    List<HttpCookie> cookies() {
        return cookieStore().getCookies().stream().map(cookie -> (HttpCookie) cookie.clone()).toList();
    }

    /** Puts cookies back into the browser, e.g. a copy of one the site has cleared since. */
    void keep(URI site, List<HttpCookie> cookies) {
        cookies.forEach(cookie -> cookieStore().add(site, cookie));
    }

    private CookieStore cookieStore() {
        return cookieManager.getCookieStore();
    }

    /**
     * Fills the built-in provider's sign-in form, which posts back to the page's own URL, and follows the redirects
     * back to the sandbox.
     */
    Page signInAtProvider(Page signInPage, String username) throws IOException, InterruptedException {
        return signInAtProvider(signInPage, Map.of("username", username));
    }

    /** Fills the built-in provider's sign-in form: {@code username}, and optionally {@code groups}, {@code name}, ... */
    Page signInAtProvider(Page signInPage, Map<String, String> form) throws IOException, InterruptedException {
        requireSignInPage(signInPage);
        return submit(signInPage.uri(), form);
    }

    /** Presses "Cancel" on the built-in provider's sign-in form. */
    Page cancelAtProvider(Page signInPage) throws IOException, InterruptedException {
        requireSignInPage(signInPage);
        return submit(signInPage.uri(), Map.of("cancel", "1"));
    }

    List<URI> visited() {
        return List.copyOf(visited);
    }

    /** The last visited URL whose path contains {@code pathPart}. */
    URI lastVisited(String pathPart) {
        for (int i = visited.size() - 1; i >= 0; i--) {
            if (visited.get(i).getPath().contains(pathPart)) {
                return visited.get(i);
            }
        }
        throw new AssertionError("never visited a URL with " + pathPart + ": " + visited);
    }

    static Map<String, String> queryOf(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() == null) {
            return parameters;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Page follow(Page page) throws IOException, InterruptedException {
        Page current = page;
        for (int i = 0; i < MAX_REDIRECTS && isRedirect(current.status()); i++) {
            String location = current.header("Location")
                    .orElseThrow(() -> new AssertionError("redirect without Location from " + page.uri()));
            current = get(current.uri().resolve(location));
        }
        if (isRedirect(current.status())) {
            throw new AssertionError("more than " + MAX_REDIRECTS + " redirects: " + visited);
        }
        return current;
    }

    private Page send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        visited.add(response.uri());
        return new Page(response.uri(), response.statusCode(), response.body(), response.headers().map());
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static void requireSignInPage(Page page) {
        if (page.status() != 200 || !page.body().contains("<form id=\"sign-in\"")) {
            throw new AssertionError("not the provider's sign-in page: " + page.uri() + " " + page.status() + "\n" + page.body());
        }
    }
}
