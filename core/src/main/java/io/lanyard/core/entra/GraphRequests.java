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
        return get(http, url, token, Map.of());
    }

    /**
     * {@code GET url} with the token and further request headers (e.g. {@code Prefer: odata.maxpagesize=999},
     * {@code ConsistencyLevel: eventual}).
     *
     * @throws GraphCallException as {@link #get(ProviderHttpClient, URI, AccessToken)}; also {@code BUSY} (503) and
     *         {@code GONE} (410, an expired delta link)
     */
    public static Map<String, Object> get(ProviderHttpClient http, URI url, AccessToken token,
            Map<String, String> headers) throws GraphCallException {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, url);
        headers.forEach(request::setHeader);
        request.setAuthorization(token.toAuthorizationHeader());
        request.setAccept("application/json");
        String where = "GET " + ProviderHttpClient.withoutQuery(url);
        HTTPResponse response = EntraCalls.send(http, request);
        int status = response.getStatusCode();
        if (status == 429 || status == 503) {
            // Throttled or busy: what matters is the status and Retry-After, whatever the body is.
            throw EntraCalls.graphError(response, EntraCalls.jsonOrEmpty(response), where);
        }
        Map<String, Object> body = EntraCalls.json(response, where);
        if (response.getStatusCode() != 200) {
            throw EntraCalls.graphError(response, body, where);
        }
        return body;
    }
}
