package io.lanyard.plugin.web;

import com.atlassian.annotations.security.UnrestrictedAccess;
import io.lanyard.core.LanyardPaths;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.login.LogoutService;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Front-Channel Logout 1.0 §2 and §3: the page a provider's logout page frames ({@code LanyardPaths.
 * FRONT_CHANNEL_LOGOUT_PREFIX + id}, with {@code iss} and {@code sid}; Microsoft Entra ID sends no {@code iss}).
 * The core ends that provider session's product sessions on every node (each at its next request, with its
 * remember-me cookie: {@link SessionRevocationFilter}), whether or not the frame carries this browser's cookies, which
 * browsers often withhold from frames of another site. Framable by the provider's origins only
 * ({@code frame-ancestors}), never cached, and a tiny page either way (the provider shows its own).
 */
@UnrestrictedAccess
public final class FrontChannelLogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(FrontChannelLogoutServlet.class);

    private final transient LogoutService logouts;

    FrontChannelLogoutServlet(LogoutService logouts) {
        this.logouts = Objects.requireNonNull(logouts, "logouts");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String identityProviderId = RequestPaths.segmentAfter(request, LanyardPaths.FRONT_CHANNEL_LOGOUT_PREFIX);
        String id = identityProviderId == null ? "" : identityProviderId;
        response.setHeader("Content-Security-Policy", "frame-ancestors 'self' "
                + String.join(" ", logouts.frameAncestors(id)));
        response.setContentType("text/html;charset=UTF-8");
        try {
            logouts.frontChannelLogout(id, Optional.ofNullable(request.getParameter("iss")),
                    Optional.ofNullable(request.getParameter("sid")));
            response.getWriter().write("<!DOCTYPE html><html><head><title>Signed out</title></head>"
                    + "<body>Signed out.</body></html>");
        } catch (LanyardException failure) {
            LOG.warn("Front-channel logout refused: {} idp={}: {}", failure.errorCode(), ErrorPage.loggableId(id),
                    failure.getMessage());
            response.setStatus(failure.errorCode().httpStatus());
            response.getWriter().write("<!DOCTYPE html><html><head><title>Not signed out</title></head><body>"
                    + Html.escape(failure.errorCode().code()) + "</body></html>");
        }
    }
}
