package io.lanyard.plugin.web;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.error.LogFlood;
import io.lanyard.core.error.LogText;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.host.LoginPage;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a failed login: logs one WARN line and answers with a page that shows the stable error code, a correlation
 * id to find that line, the provider's OAuth error code if it sent one, and two ways on (try again, local login).
 * The exception's message goes to the log only, never to the page.
 */
public final class ErrorPage {

    static final String NATIVE_LOGIN_PARAMETER = "lanyard_native";
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPage.class);

    private final LoginPage loginPage;
    private final LanyardText text;
    private final ErrorPageRenderer renderer;
    private final CorrelationIds correlationIds = new CorrelationIds();
    /** A provider outage or a loop of bad requests: one line per code and provider each minute, and a count. */
    private final LogFlood flood = LogFlood.perMinute((kind, times, window) -> LOG.warn(
            "Login failed: {} repeated {} more times within {} s of the line above; summarised, not one line each",
            kind, times, window.toSeconds()));

    public ErrorPage(LoginPage loginPage, LanyardText text, ErrorPageRenderer renderer) {
        this.loginPage = Objects.requireNonNull(loginPage, "loginPage");
        this.text = Objects.requireNonNull(text, "text");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /**
     * @param identityProviderId the provider involved, as the request named it (untrusted; logged only if well-formed)
     * @return the correlation id the page shows and the log line has
     */
    public String show(HttpServletRequest request, HttpServletResponse response, LanyardException failure,
            String identityProviderId) throws IOException {
        return show(request, response, failure, identityProviderId, Optional.empty());
    }

    /** @param lastCode the loop breaker's page: the code of the last failure the browser saw */
    String show(HttpServletRequest request, HttpServletResponse response, LanyardException failure,
            String identityProviderId, Optional<String> lastCode) throws IOException {
        ErrorCode code = failure.errorCode();
        String correlationId = correlationIds.next();
        String idp = loggableId(identityProviderId);
        if (flood.admit(code.code() + " idp=" + idp)) {
            LOG.warn("Login failed: {} correlationId={} idp={}: {}", code, correlationId, idp,
                    loggableMessage(failure.getMessage()));
        }
        ErrorPageModel model = model(request, code, correlationId, providerError(failure), lastCode);
        // a provider that cannot be reached: the outage page, which says so and where administrators act
        write(response, model, code.kind() == ErrorCode.Kind.PROVIDER_UNAVAILABLE
                ? renderer.renderOutage(model, request.getContextPath() + LanyardPaths.ADMIN + "/health")
                : renderer.render(model));
        return correlationId;
    }

    ErrorPageModel model(HttpServletRequest request, ErrorCode code, String correlationId, Optional<String> providerError,
            Optional<String> lastCode) {
        String loginUrl = request.getContextPath() + loginPage.primaryPath();
        return new ErrorPageModel(code.httpStatus(), code.code(), text.title(code), text.advice(code), correlationId,
                providerError, loginUrl, loginUrl + "?" + NATIVE_LOGIN_PARAMETER + "=1", lastCode);
    }

    private void write(HttpServletResponse response, ErrorPageModel model, String html) throws IOException {
        response.setStatus(model.status());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter writer = response.getWriter();
        writer.write(html);
        writer.flush();
    }

    private static Optional<String> providerError(LanyardException failure) {
        return failure instanceof LoginFailedException
                ? ((LoginFailedException) failure).providerError()
                : Optional.empty();
    }

    /** Ids come from URLs and forms: log them only when they look like ids, so no one can forge log lines. */
    static String loggableId(String identityProviderId) {
        if (identityProviderId == null) {
            return "-";
        }
        return IntegrationKind.IDENTITY_PROVIDER.isWellFormedId(identityProviderId) ? identityProviderId : "(malformed)";
    }

    /** Messages quote what providers and requests sent: one line each, whatever characters came with it. */
    private static String loggableMessage(String message) {
        return LogText.oneLine(message);
    }
}
