package io.lanyard.core.entra;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.lanyard.core.http.ProviderHttpClient;
import java.net.URI;
import java.util.Map;

/** A read of Microsoft Graph with an app-only token, within the HTTP client's limits. */
public final class GraphRequests {

    private GraphRequests() {
    }

    /**
     * {@code GET url} with the token as Bearer.
     *
     * @return the JSON body of a 200 answer
     * @throws GraphCallException {@code UNREACHABLE}; {@code REFUSED}, {@code THROTTLED} or {@code NOT_FOUND} with
     *         Graph's error code and message; {@code INVALID} for an answer that is not Graph's
     */
    public static Map<String, Object> get(ProviderHttpClient http, URI url, AccessToken token)
            throws GraphCallException {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, url);
        request.setAuthorization(token.toAuthorizationHeader());
        request.setAccept("application/json");
        String where = "GET " + ProviderHttpClient.withoutQuery(url);
        HTTPResponse response = EntraCalls.send(http, request);
        if (response.getStatusCode() == 429 && (response.getBody() == null || response.getBody().isBlank())) {
            throw EntraCalls.graphError(response, Map.of(), where);
        }
        Map<String, Object> body = EntraCalls.json(response, where);
        if (response.getStatusCode() != 200) {
            throw EntraCalls.graphError(response, body, where);
        }
        return body;
    }

    /** Remote text (an error code or message) as one line, capped, for a log line or a page (which escapes it). */
    public static String quotable(String text) {
        return EntraCalls.quotable(text);
    }
}
