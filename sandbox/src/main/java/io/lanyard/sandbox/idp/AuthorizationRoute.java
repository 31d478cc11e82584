package io.lanyard.sandbox.idp;

import static io.lanyard.plugin.web.Html.escape;

import io.lanyard.sandbox.app.Json;
import io.lanyard.sandbox.graph.StandInTenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * any username and optionally groups, a display name and an e-mail address; POST hands the username to the library
 * together with the claims a real provider would send ({@link SignIn#claims}), or sends {@code access_denied} back
 * when the person cancels.
 */
final class AuthorizationRoute implements Route {

    private final Route library;
    private final String clientId;
    private final Supplier<String> redirectUriPrefix;
    private final StandInTenant tenant;

    /**
     * @param library           the mock library's routes, which issue the code
     * @param redirectUriPrefix every redirect URI must start with this (the sandbox's callback prefix)
     */
    AuthorizationRoute(Route library, String clientId, Supplier<String> redirectUriPrefix, StandInTenant tenant) {
        this.library = Objects.requireNonNull(library, "library");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.redirectUriPrefix = Objects.requireNonNull(redirectUriPrefix, "redirectUriPrefix");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
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
        SignIn.Result typed = SignIn.read(request.getFormParameters()::get);
        if (typed.signIn().isEmpty()) {
            return ProviderResponses.page(400, "Sandbox identity provider", SignInPage.form(typed.message()));
        }
        SignIn signIn = typed.signIn().get();
        String body = "username=" + formEncode(signIn.username()) + "&claims="
                + formEncode(Json.value(signIn.claims(tenant)));
        return library.invoke(request.copy(request.getHeaders(), request.getMethod(), request.getOriginalUrl(), body));
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

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
