package io.lanyard.plugin.web;

import com.atlassian.annotations.security.UnrestrictedAccess;
import io.lanyard.core.LanyardPaths;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.login.LogoutService;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Back-Channel Logout 1.0 §2.5 and §2.8: the endpoint of every provider ({@code LanyardPaths.BACK_CHANNEL_LOGOUT_PREFIX
 * + id}) that its server POSTs logout tokens to, as a form. Every check is the core's ({@link LogoutService}). The
 * answer is 200 with an empty body when the sessions were ended, otherwise 400 with an OAuth-style JSON error whose
 * description starts with the Lanyard code (503 only when the cluster could not be reached, so the provider retries);
 * never cached.
 */
@UnrestrictedAccess
public final class BackChannelLogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BackChannelLogoutServlet.class);

    private final transient LogoutService logouts;

    BackChannelLogoutServlet(LogoutService logouts) {
        this.logouts = Objects.requireNonNull(logouts, "logouts");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String identityProviderId = RequestPaths.segmentAfter(request, LanyardPaths.BACK_CHANNEL_LOGOUT_PREFIX);
        try {
            requireForm(request);
            logouts.backChannelLogout(identityProviderId, request.getParameter("logout_token"));
            response.setStatus(HttpServletResponse.SC_OK);
        } catch (LanyardException failure) {
            ErrorCode code = failure.errorCode();
            LOG.warn("Back-channel logout refused: {} idp={}: {}", code, ErrorPage.loggableId(identityProviderId),
                    failure.getMessage());
            response.setStatus(code == ErrorCode.CLUSTER_UNAVAILABLE ? code.httpStatus() : 400);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"error\":\"" + (code == ErrorCode.CLUSTER_UNAVAILABLE ? "temporarily_unavailable"
                    : "invalid_request") + "\",\"error_description\":\"" + code.code() + " " + code.name() + "\"}");
        }
    }

    /** §2.5: the logout token comes in an {@code application/x-www-form-urlencoded} POST body. */
    private static void requireForm(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new LoginFailedException(ErrorCode.LOGOUT_REQUEST_INVALID, "back-channel logout with content type "
                    + (type == null ? "(none)" : type) + ", not a form");
        }
    }
}
