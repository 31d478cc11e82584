package io.lanyard.interop.harness;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person logging in over and over without a browser, as fast as Keycloak answers: the sandbox's protected page,
 * Lanyard's redirect to Keycloak, Keycloak's own login form (its {@code kc-form-login} posted with username and
 * password), the callback, and the page again, now logged in. Cookies are kept per login and dropped afterwards, so each
 * login is a new session at the sandbox and at Keycloak. For load while something changes; the browser tests prove the
 * same path in Chromium.
 */
public final class HttpLogins {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern LOGIN_FORM_ACTION_FIRST =
            Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"");
    private static final Pattern ERROR_CODE = Pattern.compile("(LNY-\\d{3})");
    private static final int MAX_REDIRECTS = 12;

    /** How one login ended: logged in, or the step that failed and what it saw (codes and statuses, no secrets). */
    public record Outcome(boolean loggedIn, String detail) {
    }

    private HttpLogins() {
    }

    public static Outcome logIn(URI startPage, TestAccount account) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new LocalhostCookies()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> loginPage = follow(http, get(http, startPage));
            String action = formAction(loginPage.body());
            if (loginPage.statusCode() != 200 || action == null) {
                return new Outcome(false, "no Keycloak login form: HTTP " + loginPage.statusCode() + " at "
                        + loginPage.uri().getPath() + errorCode(loginPage.body()));
            }
            String form = "username=" + URLEncoder.encode(account.username(), StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(account.password(), StandardCharsets.UTF_8) + "&credentialId=";
            HttpResponse<String> landed = follow(http, http.send(HttpRequest.newBuilder(loginPage.uri().resolve(action))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()));
            if (landed.statusCode() == 200 && landed.body().contains("Logged in as " + account.username())) {
                return new Outcome(true, "");
            }
            return new Outcome(false, "HTTP " + landed.statusCode() + " at " + landed.uri().getPath()
                    + errorCode(landed.body()));
        } catch (IOException e) {
            return new Outcome(false, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "interrupted");
        }
    }

    /**
     * Cookies as a browser keeps them for a provider on this machine: Keycloak marks its login cookies {@code Secure},
     * which browsers send to {@code http://127.0.0.1} and {@code localhost} (secure contexts) and Java's
     * {@link CookieManager} sends over https only. So they are looked up as if the request were https.
     */
    private static final class LocalhostCookies extends java.net.CookieHandler {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public java.util.Map<String, java.util.List<String>> get(URI uri,
                java.util.Map<String, java.util.List<String>> requestHeaders) throws IOException {
            try {
                return cookies.get(new URI("https", null, uri.getHost(), uri.getPort(), uri.getPath(), null, null),
                        requestHeaders);
            } catch (java.net.URISyntaxException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void put(URI uri, java.util.Map<String, java.util.List<String>> responseHeaders) throws IOException {
            cookies.put(uri, responseHeaders);
        }
    }

    private static String formAction(String html) {
        Matcher matcher = LOGIN_FORM.matcher(html);
        if (!matcher.find()) {
            matcher = LOGIN_FORM_ACTION_FIRST.matcher(html);
            if (!matcher.find()) {
                return null;
            }
        }
        return matcher.group(1).replace("&amp;", "&");
    }

    private static String errorCode(String body) {
        Matcher matcher = ERROR_CODE.matcher(body);
        return matcher.find() ? " with " + matcher.group(1) : "";
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> follow(HttpClient http, HttpResponse<String> response)
            throws IOException, InterruptedException {
        HttpResponse<String> current = response;
        for (int i = 0; i < MAX_REDIRECTS && current.statusCode() / 100 == 3; i++) {
            String location = current.headers().firstValue("Location").orElse(null);
            if (location == null) {
                break;
            }
            current = get(http, current.uri().resolve(location));
        }
        return current;
    }
}
