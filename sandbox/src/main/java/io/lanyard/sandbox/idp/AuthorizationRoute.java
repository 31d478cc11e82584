package io.lanyard.sandbox.idp;

import static io.lanyard.plugin.web.Html.escape;

import io.lanyard.sandbox.app.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.HttpUrl;

/**
 * The built-in provider's authorization endpoint, in front of the mock library's.
 *
 * <p>It checks what the library leaves open: the client id must be ours, the redirect URI must be one of the
 * sandbox's callbacks (an unregistered one gets an error page, never a redirect), and PKCE with S256 is required
 * (otherwise the error goes back to the client, RFC 6749 §4.1.2.1). GET shows a sign-in page where a person types
 * any username; POST hands the username to the library together with the claims a real provider would send
 * ({@code preferred_username}, {@code email}, {@code name}), or sends {@code access_denied} back when the person
 * cancels.
 */
final class AuthorizationRoute implements Route {

    static final int MAX_USERNAME_LENGTH = 100;

    private final Route library;
    private final String clientId;
    private final Supplier<String> redirectUriPrefix;

    /**
     * @param library           the mock library's routes, which issue the code
     * @param redirectUriPrefix every redirect URI must start with this (the sandbox's callback prefix)
     */
    AuthorizationRoute(Route library, String clientId, Supplier<String> redirectUriPrefix) {
        this.library = Objects.requireNonNull(library, "library");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.redirectUriPrefix = Objects.requireNonNull(redirectUriPrefix, "redirectUriPrefix");
    }

    @Override
    public boolean match(OAuth2HttpRequest request) {
        return ProviderPaths.isAuthorizationRequest(request);
    }

    @Override
    public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        HttpUrl url = request.getUrl();
        if (!clientId.equals(url.queryParameter("client_id"))) {
            return ProviderResponses.page(400, "Unknown client", "<h1>Unknown client</h1>\n<p>This provider serves only "
                    + escape(clientId) + ".</p>");
        }
        String redirectUri = url.queryParameter("redirect_uri");
        String prefix = redirectUriPrefix.get();
        if (redirectUri == null || prefix == null || !redirectUri.startsWith(prefix) || redirectUri.indexOf('#') >= 0) {
            return ProviderResponses.page(400, "Redirect URI not registered", "<h1>Redirect URI not registered</h1>\n"
                    + "<p>The redirect URI must be one of the sandbox's Lanyard callbacks (" + escape(prefix) + "…).</p>");
        }
        if (!"S256".equals(url.queryParameter("code_challenge_method")) || isBlank(url.queryParameter("code_challenge"))) {
            return errorToClient(redirectUri, url, "invalid_request", "PKCE with code_challenge_method=S256 is required");
        }
        if ("GET".equals(request.getMethod())) {
            return ProviderResponses.page(200, "Sandbox identity provider", SignInPage.form(""));
        }
        return signIn(request, redirectUri, url);
    }

    private OAuth2HttpResponse signIn(OAuth2HttpRequest request, String redirectUri, HttpUrl url) {
        if (request.getFormParameters().get("cancel") != null) {
            return errorToClient(redirectUri, url, "access_denied", "the user cancelled the sign-in");
        }
        String username = request.getFormParameters().get("username");
        username = username == null ? "" : username.strip();
        if (username.isEmpty() || username.length() > MAX_USERNAME_LENGTH || hasControlCharacter(username)) {
            return ProviderResponses.page(400, "Sandbox identity provider",
                    SignInPage.form("Type a username of 1 to " + MAX_USERNAME_LENGTH + " characters."));
        }
        String body = "username=" + formEncode(username) + "&claims=" + formEncode(claims(username));
        return library.invoke(request.copy(request.getHeaders(), request.getMethod(), request.getOriginalUrl(), body));
    }

    /** What a real provider tells about the person; {@code sub} is the username (the library sets it). */
    static String claims(String username) {
        return "{\"preferred_username\":" + Json.string(username)
                + ",\"email\":" + Json.string(username.toLowerCase(Locale.ROOT) + "@example.com")
                + ",\"name\":" + Json.string(displayName(username)) + "}";
    }

    static String displayName(String username) {
        return username.substring(0, 1).toUpperCase(Locale.ROOT) + username.substring(1);
    }

    private static OAuth2HttpResponse errorToClient(String redirectUri, HttpUrl url, String error, String description) {
        StringBuilder location = new StringBuilder(redirectUri)
                .append(redirectUri.indexOf('?') < 0 ? '?' : '&')
                .append("error=").append(formEncode(error))
                .append("&error_description=").append(formEncode(description));
        String state = url.queryParameter("state");
        if (state != null) {
            location.append("&state=").append(formEncode(state));
        }
        return ProviderResponses.redirect(location.toString());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean hasControlCharacter(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
