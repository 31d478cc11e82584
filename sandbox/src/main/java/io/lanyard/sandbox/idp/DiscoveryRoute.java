package io.lanyard.sandbox.idp;

import java.util.Objects;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;

/**
 * The built-in provider's discovery document: the mock library's, which announces {@code end_session_endpoint}
 * already, plus Back-Channel Logout 1.0 §2.1's {@code backchannel_logout_supported} (its end-session endpoint sends
 * logout tokens, {@link EndSessionRoute}); no {@code sid}, since the mock library keeps no sessions.
 */
final class DiscoveryRoute implements Route {

    private final Route library;

    DiscoveryRoute(Route library) {
        this.library = Objects.requireNonNull(library, "library");
    }

    @Override
    public boolean match(OAuth2HttpRequest request) {
        return ProviderPaths.isDiscoveryRequest(request);
    }

    @Override
    public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        OAuth2HttpResponse document = library.invoke(request);
        String body = document.getBody() == null ? "" : document.getBody().toString().strip();
        if (document.getStatus() != 200 || !body.endsWith("}")) {
            return document;
        }
        String extended = body.substring(0, body.length() - 1)
                + ",\"backchannel_logout_supported\":true,\"backchannel_logout_session_supported\":false}";
        return new OAuth2HttpResponse(document.getHeaders(), 200, extended, null);
    }
}
