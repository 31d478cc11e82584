package io.lanyard.plugin.web;

import com.atlassian.annotations.security.UnrestrictedAccess;
import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.LogoutSettings;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.login.LogoutService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * RP-Initiated Logout 1.0 §3: the {@code post_logout_redirect_uri} of every provider ({@link LanyardPaths#POST_LOGOUT}).
 * The browser comes back with the {@code state} its logout sent, which must equal the one kept in its
 * {@link LogoutStateCookie} (cleared here either way), else {@code LNY-832}; then it goes to the logged-out page or
 * the product's start page, as the provider's configuration says. The product session had ended before the browser
 * left, so a failed check here ends nothing more and exposes nothing.
 */
@UnrestrictedAccess
public final class PostLogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient LogoutService logouts;
    private final transient LogoutStateCookie stateCookie;
    private final transient ErrorPage errorPage;

    PostLogoutServlet(LogoutService logouts, LogoutStateCookie stateCookie, ErrorPage errorPage) {
        this.logouts = Objects.requireNonNull(logouts, "logouts");
        this.stateCookie = Objects.requireNonNull(stateCookie, "stateCookie");
        this.errorPage = Objects.requireNonNull(errorPage, "errorPage");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String kept = stateCookie.take(request, response);
        String returned = request.getParameter("state");
        if (kept == null || returned == null || !MessageDigest.isEqual(kept.getBytes(StandardCharsets.UTF_8),
                returned.getBytes(StandardCharsets.UTF_8))) {
            errorPage.show(request, response, new LoginFailedException(ErrorCode.LOGOUT_STATE_MISMATCH,
                    kept == null ? "this browser has no logout at a provider in progress (cookies blocked, replayed, "
                            + "or started elsewhere)" : "the state is not the one this browser's logout sent"),
                    LogoutStateCookie.identityProviderOf(kept));
            return;
        }
        String identityProviderId = LogoutStateCookie.identityProviderOf(kept);
        boolean startPage = logouts.afterLogout(identityProviderId) == LogoutSettings.AfterLogout.START_PAGE;
        response.sendRedirect(request.getContextPath() + (startPage ? "/" : LanyardPaths.LOGGED_OUT));
    }
}
