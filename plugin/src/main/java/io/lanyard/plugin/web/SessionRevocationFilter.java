package io.lanyard.plugin.web;

import com.atlassian.annotations.security.UnrestrictedAccess;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.login.ReturnPathPolicy;
import io.lanyard.core.session.LanyardSession;
import io.lanyard.core.session.SessionRevocations;
import io.lanyard.plugin.session.RememberMe;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends, at its next request, a host session Lanyard logged in that a logout at the provider revoked (back- or
 * front-channel, received by any node) or that reached its provider's lifetime cap. The session is invalidated and the
 * remember-me cookie removed; then a page view goes on: after a revocation to the same address (where the host asks
 * for a login, which Lanyard starts), after the lifetime cap through a silent login at the provider
 * ({@code prompt=none}); a REST or XHR call gets 401 with {@code LNY-834} instead, so that an open form loses nothing.
 *
 * <p>Runs on every request of the host: a request without a session, or whose session Lanyard did not log in, costs a
 * {@code getSession(false)} and one attribute lookup, allocates nothing and passes. Holds no state of a request.
 */
@UnrestrictedAccess
public final class SessionRevocationFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRevocationFilter.class);
    /** Only relative paths are sanitized here; an absolute one is refused by the policy's origin check. */
    private static final URI NO_BASE_URL = URI.create("http://invalid");

    private final SessionRevocations revocations;
    private final RememberMe rememberMe;
    private final LoginFilter logins;
    private final Clock clock;

    SessionRevocationFilter(SessionRevocations revocations, RememberMe rememberMe, LoginFilter logins, Clock clock) {
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.rememberMe = Objects.requireNonNull(rememberMe, "rememberMe");
        this.logins = Objects.requireNonNull(logins, "logins");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        LanyardSession session = lanyardSession(request);
        if (session == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean revoked = revocations.isRevoked(session);
        if (!revoked && !session.lifetimeOver(clock.millis())) {
            chain.doFilter(request, response);
            return;
        }
        end((HttpServletRequest) request, (HttpServletResponse) response, session, revoked);
    }

    /** What Lanyard keeps in this request's session, if it has one and Lanyard logged it in; creates none. */
    static LanyardSession lanyardSession(ServletRequest request) {
        if (!(request instanceof HttpServletRequest)) {
            return null;
        }
        HttpSession session = ((HttpServletRequest) request).getSession(false);
        if (session == null) {
            return null;
        }
        Object kept;
        try {
            kept = session.getAttribute(LanyardSession.ATTRIBUTE);
        } catch (IllegalStateException invalidated) {
            return null;
        }
        return kept instanceof LanyardSession ? (LanyardSession) kept : null;
    }

    private void end(HttpServletRequest request, HttpServletResponse response, LanyardSession session, boolean revoked)
            throws IOException {
        LOG.info("Ended the session of {} at its request: {}", session,
                revoked ? "a logout at the identity provider revoked it" : "it reached its provider's lifetime");
        try {
            request.getSession(false).invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // another request of the same session got here first
        }
        rememberMe.forget(request, response);
        response.setHeader("Cache-Control", "no-store");
        if (!isPageView(request)) {
            response.setStatus(ErrorCode.SESSION_LIFETIME_EXCEEDED.httpStatus());
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"error\":\"" + ErrorCode.SESSION_LIFETIME_EXCEEDED.code()
                    + "\",\"message\":\"The single sign-on session has ended; sign in again.\"}");
            return;
        }
        String here = pathAndQuery(request);
        if (revoked) {
            // relative, so the base URL plays no part; a doubtful path (//other.host) goes to the start page
            response.sendRedirect(request.getContextPath() + ReturnPathPolicy.sanitize(here, NO_BASE_URL));
        } else {
            logins.start(request, response, session.identityProviderId(), here, true);
        }
    }

    /**
     * A navigation of the browser (which may go through the provider) rather than a script's call (which must not):
     * a GET that is not marked as XHR and that the browser says is a navigation, or that accepts HTML.
     */
    static boolean isPageView(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            return false;
        }
        String mode = request.getHeader("Sec-Fetch-Mode");
        if (mode != null) {
            return "navigate".equals(mode);
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    /** The request's path below the context, with its query: where the person returns after the new login. */
    private static String pathAndQuery(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        return (path.isEmpty() ? "/" : path) + (query == null ? "" : "?" + query);
    }
}
