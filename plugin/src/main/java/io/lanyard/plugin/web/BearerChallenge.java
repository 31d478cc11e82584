package io.lanyard.plugin.web;

import io.lanyard.core.bearer.BearerOutcome.Refused;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LogText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer to a refused bearer token (RFC 6750 §3): 401 with {@code error="invalid_token"}, 403 with
 * {@code error="insufficient_scope"} and the scopes to ask for, other 403s and the 503 of an unreachable introspection
 * endpoint without an error a client would act on; always the code and a correlation id, in the header and a small
 * JSON body, and the details only in the log. Never a redirect, a page, a cookie or a stack trace.
 */
final class BearerChallenge {

    static final String REALM = "lanyard";
    private static final Logger LOG = LoggerFactory.getLogger(BearerChallenge.class);

    private BearerChallenge() {
    }

    static void send(HttpServletResponse response, Refused refused, String correlationId) throws IOException {
        ErrorCode code = refused.code();
        int status = code.httpStatus();
        LOG.warn("Bearer token refused [{}]: {} {}", correlationId, code.code(),
                LogText.oneLine(refused.description()));
        StringBuilder challenge = new StringBuilder("Bearer realm=\"").append(REALM).append('"');
        if (status == 401) {
            challenge.append(", error=\"invalid_token\"");
        } else if (code == ErrorCode.BEARER_INSUFFICIENT_SCOPE) {
            challenge.append(", error=\"insufficient_scope\", scope=\"")
                    .append(String.join(" ", refused.requiredScopes())).append('"');
        }
        challenge.append(", error_description=\"").append(code.code()).append(" (reference ").append(correlationId)
                .append(")\"");
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("WWW-Authenticate", challenge.toString());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=UTF-8");
        byte[] body = ("{\"code\":\"" + code.code() + "\",\"error\":\"" + code.name() + "\",\"reference\":\""
                + correlationId + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
