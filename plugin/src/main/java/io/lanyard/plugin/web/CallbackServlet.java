package io.lanyard.plugin.web;

import com.atlassian.annotations.security.UnrestrictedAccess;
import io.lanyard.core.LanyardPaths;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.login.AuthorizationResponse;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.login.LoginSuccess;
import io.lanyard.core.login.PendingLogin;
import io.lanyard.plugin.session.SessionLogin;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The redirect URI of every provider ({@code LanyardPaths.CALLBACK_PREFIX + id}). The edge checks only that the
 * response belongs to a login this browser started (its {@code state} is in this session, once), after the core has
 * confirmed that the URL names a provider of this configuration; every other check is the core's. On success the session id is renewed (session fixation), the host logs the user in, and the
 * browser goes to the validated return path: never to a URL the provider gave.
 */
@UnrestrictedAccess
public final class CallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient LoginService loginService;
    private final transient PendingLoginRepository pendingLogins;
    private final transient SessionLogin sessionLogin;
    private final transient ErrorPage errorPage;

    CallbackServlet(LoginService loginService, PendingLoginRepository pendingLogins, SessionLogin sessionLogin,
            ErrorPage errorPage) {
        this.loginService = Objects.requireNonNull(loginService, "loginService");
        this.pendingLogins = Objects.requireNonNull(pendingLogins, "pendingLogins");
        this.sessionLogin = Objects.requireNonNull(sessionLogin, "sessionLogin");
        this.errorPage = Objects.requireNonNull(errorPage, "errorPage");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String identityProviderId = RequestPaths.segmentAfter(request, LanyardPaths.CALLBACK_PREFIX);
        try {
            LoginSuccess success = complete(request, identityProviderId);
            request.changeSessionId();
            sessionLogin.logIn(request, response, success);
            response.sendRedirect(request.getContextPath() + success.returnPath());
        } catch (LanyardException failure) {
            errorPage.show(request, response, failure, identityProviderId);
        }
    }

    private LoginSuccess complete(HttpServletRequest request, String identityProviderId) {
        String callbackIdentityProviderId = identityProviderId == null ? "" : identityProviderId;
        loginService.checkCallbackProvider(callbackIdentityProviderId);
        AuthorizationResponse authorizationResponse = AuthorizationResponse.of(request.getParameter("state"),
                request.getParameter("code"), request.getParameter("iss"), request.getParameter("error"),
                request.getParameter("error_description"));
        String state = authorizationResponse.state()
                .orElseThrow(() -> new LoginFailedException(ErrorCode.STATE_MISSING, "callback without state"));
        Optional<PendingLogin> pending = pendingLogins.take(request, state);
        PendingLogin login = pending.orElseThrow(() -> new LoginFailedException(ErrorCode.STATE_UNKNOWN,
                "no pending login for this state in this session (replayed, forged, or the session was lost)"));
        return loginService.completeLogin(callbackIdentityProviderId, login, authorizationResponse);
    }
}
