package io.lanyard.core.entra;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.lanyard.core.entra.GraphCallException.Reason;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.error.LogText;
import io.lanyard.core.http.ProviderHttpClient;
import java.util.Map;

/** What every call to Entra ID or Microsoft Graph shares: sending within the HTTP limits, JSON, Graph's errors. */
final class EntraCalls {

    private EntraCalls() {
    }

    /** Sends within the client's limits; redirects are never followed. */
    static HTTPResponse send(ProviderHttpClient http, HTTPRequest request) throws GraphCallException {
        try {
            return http.send(request, ErrorCode.ENTRA_UNREACHABLE);
        } catch (LanyardException e) {
            if (e.errorCode() == ErrorCode.ENTRA_UNREACHABLE) {
                throw new GraphCallException(Reason.UNREACHABLE, e.getMessage());
            }
            // HTTP_RESPONSE_TOO_LARGE: not what a token endpoint or Graph sends.
            throw new GraphCallException(Reason.INVALID, e.getMessage());
        }
    }

    static Map<String, Object> json(HTTPResponse response, String where) throws GraphCallException {
        String body = response.getBody();
        try {
            return JSONObjectUtils.parse(body == null ? "" : body);
        } catch (java.text.ParseException e) {
            throw new GraphCallException(Reason.INVALID, where + " answered HTTP " + response.getStatusCode()
                    + " with something that is not JSON");
        }
    }

    /** The JSON object of an answer, or an empty one when it is not JSON (a throttling answer's body may be text). */
    static Map<String, Object> jsonOrEmpty(HTTPResponse response) {
        try {
            return JSONObjectUtils.parse(response.getBody() == null ? "" : response.getBody());
        } catch (java.text.ParseException e) {
            return Map.of();
        }
    }

    /** Graph's error answer ({@code {"error": {"code", "message"}}}) as a failure with its code and message. */
    static GraphCallException graphError(HTTPResponse response, Map<String, Object> body, String where) {
        int status = response.getStatusCode();
        if (status == 503) {
            return new GraphCallException(Reason.BUSY, where + " answered HTTP 503", null, null, retryAfter(response));
        }
        if (status == 410) {
            String code = body.get("error") instanceof Map<?, ?> error && error.get("code") instanceof String text
                    ? quotable(text) : null;
            return new GraphCallException(Reason.GONE, where + " answered HTTP 410" + (code == null ? "" : " " + code),
                    code, null, -1);
        }
        if (body.get("error") instanceof Map<?, ?> error && error.get("code") instanceof String code) {
            String message = error.get("message") instanceof String text ? text : "";
            Reason reason = status == 429 ? Reason.THROTTLED : status == 404 ? Reason.NOT_FOUND : Reason.REFUSED;
            return new GraphCallException(reason, where + " answered HTTP " + status + " " + quotable(code),
                    quotable(code), quotable(message), retryAfter(response));
        }
        if (status == 429) {
            return new GraphCallException(Reason.THROTTLED, where + " answered HTTP 429", null, null,
                    retryAfter(response));
        }
        return new GraphCallException(Reason.INVALID, where + " answered HTTP " + status
                + " without a Microsoft Graph error");
    }

    /** RFC 9110 §10.2.3: delay-seconds (an HTTP-date is taken as unknown, -1). */
    private static long retryAfter(HTTPResponse response) {
        String value = response.getHeaderValue("Retry-After");
        if (value == null) {
            return -1;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            return seconds < 0 ? -1 : seconds;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Remote text for a log line and a page: one line, capped, as the connector's Test quotes it. */
    static String quotable(String text) {
        return GraphClient.quotable(text);
    }
}
