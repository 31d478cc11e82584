package io.lanyard.sandbox.idp;

import java.util.List;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;

/** The built-in provider's endpoints the sandbox's routes watch. */
final class ProviderPaths {

    static final String ISSUER_ID = "sandbox";
    /** A second issuer on the same server, so that the sandbox has two providers for the chooser and e-mail routing. */
    static final String CONTRACTORS_ISSUER_ID = "contractors";

    private ProviderPaths() {
    }

    static boolean isTokenRequest(OAuth2HttpRequest request) {
        return "POST".equals(request.getMethod()) && isPath(request, "token");
    }

    static boolean isAuthorizationRequest(OAuth2HttpRequest request) {
        return ("GET".equals(request.getMethod()) || "POST".equals(request.getMethod())) && isPath(request, "authorize");
    }

    static boolean isEndSessionRequest(OAuth2HttpRequest request) {
        return "GET".equals(request.getMethod()) && isPath(request, "endsession");
    }

    static boolean isDiscoveryRequest(OAuth2HttpRequest request) {
        List<String> segments = request.getUrl().pathSegments();
        return "GET".equals(request.getMethod()) && segments.size() == 3 && ISSUER_ID.equals(segments.get(0))
                && ".well-known".equals(segments.get(1)) && "openid-configuration".equals(segments.get(2));
    }

    private static boolean isPath(OAuth2HttpRequest request, String endpoint) {
        List<String> segments = request.getUrl().pathSegments();
        return segments.size() == 2 && isIssuerId(segments.get(0)) && endpoint.equals(segments.get(1));
    }

    static boolean isIssuerId(String segment) {
        return ISSUER_ID.equals(segment) || CONTRACTORS_ISSUER_ID.equals(segment);
    }
}
