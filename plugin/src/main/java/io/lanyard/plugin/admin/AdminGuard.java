package io.lanyard.plugin.admin;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.plugin.session.AdminAccess;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks every admin page and API request passes, in this order, before anything else happens: a logged-in
 * user, a system administrator (asked of the host on every request), WebSudo where the host has it, and for a
 * state-changing request the session's XSRF token. Also sets the security headers of every admin response.
 */
public final class AdminGuard {

    private static final Logger LOG = LoggerFactory.getLogger(AdminGuard.class);
    private static final Pattern UNSAFE_FOR_LOG = Pattern.compile("[^A-Za-z0-9._@+-]");

    /** How a refusal is answered: an HTML page or a JSON error. */
    public interface Refusal {
        void loginRequired(HttpServletRequest request, HttpServletResponse response) throws IOException;

        void refuse(HttpServletRequest request, HttpServletResponse response, int status, ErrorCode code)
                throws IOException;
    }

    private final AdminAccess access;
    private final XsrfTokens xsrf;

    public AdminGuard(AdminAccess access, XsrfTokens xsrf) {
        this.access = Objects.requireNonNull(access, "access");
        this.xsrf = Objects.requireNonNull(xsrf, "xsrf");
    }

    /**
     * @param xsrfPresented whether the request carries this session's token (checked only for state changes)
     * @return true when the request may proceed; false when it has been answered
     */
    public boolean admit(HttpServletRequest request, HttpServletResponse response, Refusal refusal,
            boolean xsrfPresented)
            throws IOException {
        Optional<String> username = access.currentUsername(request);
        if (username.isEmpty()) {
            refusal.loginRequired(request, response);
            return false;
        }
        if (!access.isSystemAdministrator(request)) {
            LOG.warn("Lanyard administration refused to {} ({}): not a system administrator",
                    loggable(username.get()), ErrorCode.ADMIN_NOT_SYSTEM_ADMINISTRATOR.code());
            refusal.refuse(request, response, HttpServletResponse.SC_FORBIDDEN, ErrorCode.ADMIN_NOT_SYSTEM_ADMINISTRATOR);
            return false;
        }
        if (!access.passWebSudo(request, response)) {
            return false; // the host has answered, e.g. with its re-authentication page
        }
        if (isStateChanging(request) && !xsrfPresented) {
            LOG.warn("Lanyard administration refused a {} by {} without a valid XSRF token ({})", request.getMethod(),
                    loggable(username.get()), ErrorCode.ADMIN_XSRF_REFUSED.code());
            refusal.refuse(request, response, HttpServletResponse.SC_FORBIDDEN, ErrorCode.ADMIN_XSRF_REFUSED);
            return false;
        }
        return true;
    }

    public XsrfTokens xsrf() {
        return xsrf;
    }

    /** The current user's name, made safe for one log line. */
    public Optional<String> username(HttpServletRequest request) {
        return access.currentUsername(request).map(AdminGuard::loggable);
    }

    /** The current user's name as the host knows it, e.g. for the pages' header (the templates escape it). */
    Optional<String> currentUser(HttpServletRequest request) {
        return access.currentUsername(request);
    }

    /** GET and HEAD never change anything here; every other method must prove it comes from our own page. */
    static boolean isStateChanging(HttpServletRequest request) {
        String method = request.getMethod();
        return !"GET".equals(method) && !"HEAD".equals(method);
    }

    /** For every admin response: never cached, never framed by another site, never sniffed into another type. */
    public static void securityHeaders(HttpServletResponse response, String contentSecurityPolicy) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
    }

    /** Usernames come from the host, but may hold anything; a log line must stay one line. */
    static String loggable(String username) {
        String cleaned = UNSAFE_FOR_LOG.matcher(username).replaceAll("?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
    }
}
