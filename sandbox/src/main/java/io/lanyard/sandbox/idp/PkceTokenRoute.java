package io.lanyard.sandbox.idp;

import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;

/**
 * The mock library compares a {@code code_verifier} with the {@code code_challenge} only when the token request
 * carries one. Since {@link AuthorizationRoute} issues codes only for S256 challenges, a code exchange without a
 * verifier is refused here (RFC 7636 §4.6: {@code invalid_grant}), and the library checks the ones that have one.
 */
final class PkceTokenRoute implements Route {

    @Override
    public boolean match(OAuth2HttpRequest request) {
        if (!ProviderPaths.isTokenRequest(request)) {
            return false;
        }
        String verifier = request.getFormParameters().get("code_verifier");
        return "authorization_code".equals(request.getFormParameters().get("grant_type"))
                && (verifier == null || verifier.isEmpty());
    }

    @Override
    public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        return ProviderResponses.tokenError(400, "invalid_grant", "code_verifier is required (PKCE)");
    }
}
