package io.lanyard.sandbox.idp;

import io.lanyard.plugin.web.Html;
import io.lanyard.sandbox.app.Json;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import okhttp3.Headers;

/** The few responses the sandbox's own routes give, in the mock provider's response type. */
final class ProviderResponses {

    private ProviderResponses() {
    }

    /** RFC 6749 §5.2: an error of the token endpoint, as JSON, never cached. */
    static OAuth2HttpResponse tokenError(int status, String error, String description, String... extraHeaders) {
        String[] headers = new String[4 + extraHeaders.length];
        headers[0] = "Content-Type";
        headers[1] = "application/json;charset=UTF-8";
        headers[2] = "Cache-Control";
        headers[3] = "no-store";
        System.arraycopy(extraHeaders, 0, headers, 4, extraHeaders.length);
        return new OAuth2HttpResponse(Headers.of(headers), status,
                "{\"error\":" + Json.string(error) + ",\"error_description\":" + Json.string(description) + "}", null);
    }

    static OAuth2HttpResponse page(int status, String title, String body) {
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title)
                + "</title></head>\n<body>\n" + body + "\n</body></html>\n";
        return new OAuth2HttpResponse(Headers.of("Content-Type", "text/html;charset=UTF-8", "Cache-Control", "no-store"),
                status, html, null);
    }

    static OAuth2HttpResponse redirect(String location) {
        return new OAuth2HttpResponse(Headers.of("Location", location, "Cache-Control", "no-store"), 302, "", null);
    }
}
