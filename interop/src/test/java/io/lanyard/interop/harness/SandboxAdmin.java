package io.lanyard.interop.harness;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.lanyard.core.LanyardPaths;
import io.lanyard.core.secret.Secret;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sandbox's administrator at work through Lanyard's JSON API, as a script of an administrator would do it: logged in
 * with the sandbox's own login form, the XSRF header, and PUT of a provider's document with the changes. Secrets go
 * into request bodies only, never into a message.
 */
public final class SandboxAdmin {

    private final URI base;
    private final HttpClient http;
    private final String xsrfHeader;
    private final String xsrfToken;

    private SandboxAdmin(URI base, HttpClient http, String xsrfHeader, String xsrfToken) {
        this.base = base;
        this.http = http;
        this.xsrfHeader = xsrfHeader;
        this.xsrfToken = xsrfToken;
    }

    /** Logs in as the sandbox's system administrator ({@code admin}) and fetches the API's XSRF token. */
    public static SandboxAdmin logIn(URI base) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        send(http, HttpRequest.newBuilder(URI.create(base + "/login?lanyard_native=1"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=admin")), 302);
        Map<String, Object> xsrf = json(send(http, HttpRequest.newBuilder(URI.create(base + LanyardPaths.API + "/xsrf"))
                .GET(), 200));
        return new SandboxAdmin(base, http, String.valueOf(xsrf.get("header")), String.valueOf(xsrf.get("token")));
    }

    /**
     * The "Test sign-in" link the page Health shows for this provider (issue 19): a single-use ticket, opened by
     * anyone's browser (nobody needs to be logged in there).
     */
    public URI testSignInLink(String identityProviderId) {
        String page = send(http, HttpRequest.newBuilder(URI.create(base + LanyardPaths.ADMIN + "/health")).GET(), 200);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("class=\"test-sign-in\" href=\"([^\"]*/login/"
                + java.util.regex.Pattern.quote(identityProviderId) + "\\?lanyard_test=[^\"]+)\"").matcher(page);
        if (!link.find()) {
            throw new AssertionError("no Test sign-in link for " + identityProviderId + " on the Health page");
        }
        return base.resolve(link.group(1).replace("&amp;", "&"));
    }

    /** Rotation step "give it to Lanyard as next": the next secret, written into {@code CLIENT_SECRET_NEXT}. */
    public void giveNextSecret(String identityProviderId, Secret next) {
        change(identityProviderId, Map.of("nextClientSecret", next.reveal()));
    }

    /** Rotation step "promote": the new secret becomes the current one and the next one is cleared. */
    public void promote(String identityProviderId, Secret next) {
        change(identityProviderId, Map.of("clientSecret", next.reveal(), "clearNextClientSecret", true));
    }

    private void change(String identityProviderId, Map<String, Object> changes) {
        URI provider = URI.create(base + LanyardPaths.API + "/idps/" + identityProviderId);
        Map<String, Object> document = new LinkedHashMap<>(json(send(http, HttpRequest.newBuilder(provider).GET(), 200)));
        document.putAll(changes);
        send(http, HttpRequest.newBuilder(provider).header(xsrfHeader, xsrfToken).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(document))), 200);
    }

    private static String send(HttpClient http, HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                // the status only: a body could echo a secret
                throw new IllegalStateException(response.request().method() + " " + response.uri().getPath()
                        + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("the sandbox's API failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Map<String, Object> json(String text) {
        try {
            return JSONObjectUtils.parse(text);
        } catch (ParseException e) {
            throw new IllegalStateException("not a JSON object", e);
        }
    }
}
