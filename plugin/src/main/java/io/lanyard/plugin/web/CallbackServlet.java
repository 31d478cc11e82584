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
import io.lanyard.core.login.SilentLoginNeedsInteraction;
import io.lanyard.core.session.LanyardSession;
import io.lanyard.plugin.session.SessionLogin;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The redirect URI of every provider ({@code LanyardPaths.CALLBACK_PREFIX + id}). The edge finds the login this
 * browser started under the response's {@code state} (its sealed cookie, cleared here whatever happens next), after
 * the core has confirmed that the URL names a provider of this configuration; every other check is the core's, single
 * use included. On success the session id is renewed (session fixation), the host logs the user in, and the browser
 * goes to the validated return path: never to a URL the provider gave.
 */
@UnrestrictedAccess
public final class CallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient LoginService loginService;
    private final transient PendingLoginCookies pendingLogins;
    private final transient SessionLogin sessionLogin;
    private final transient ErrorPage errorPage;
    private final transient LoginFilter logins;
    private final transient LoginAudit audit;

    CallbackServlet(LoginService loginService, PendingLoginCookies pendingLogins, SessionLogin sessionLogin,
            ErrorPage errorPage, LoginFilter logins, LoginAudit audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.loginService = Objects.requireNonNull(loginService, "loginService");
        this.pendingLogins = Objects.requireNonNull(pendingLogins, "pendingLogins");
        this.sessionLogin = Objects.requireNonNull(sessionLogin, "sessionLogin");
        this.errorPage = Objects.requireNonNull(errorPage, "errorPage");
        this.logins = Objects.requireNonNull(logins, "logins");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String identityProviderId = RequestPaths.segmentAfter(request, LanyardPaths.CALLBACK_PREFIX);
        if (loginService.isDryRun(request.getParameter("state"))) {
            dryRun(request, response, identityProviderId);
            return;
        }
        try {
            LoginSuccess success = complete(request, response, identityProviderId);
            if (request.getSession(false) != null) {
                request.changeSessionId(); // a session planted before the login is not the one logged in
            }
            sessionLogin.logIn(request, response, success);
            // what the revocation check, the lifetime cap and a logout at the provider read; ends with the session
            request.getSession().setAttribute(LanyardSession.ATTRIBUTE, success.session());
            if (success.reauthentication()) {
                // the provider confirmed the same person just now: what ReauthenticateServlet's "done" looks for
                request.getSession().setAttribute(ReauthenticateServlet.REAUTHENTICATED_AT, java.time.Instant.now());
            }
            audit.succeeded(request, success);
            response.sendRedirect(request.getContextPath() + success.returnPath());
        } catch (SilentLoginNeedsInteraction needed) {
            // the provider session ended too: the normal login, back to the same page
            logins.start(request, response, needed.identityProviderId(), needed.returnPath());
        } catch (LanyardException failure) {
            logins.noteFailure(request, response, failure.errorCode().code());
            audit.failed(request, failure, identityProviderId,
                    errorPage.show(request, response, failure, identityProviderId));
        }
    }

    /** A "Test sign-in" an administrator started: the report, no login, the session left as it is. */
    private void dryRun(HttpServletRequest request, HttpServletResponse response, String identityProviderId)
            throws IOException {
        String callbackIdentityProviderId = identityProviderId == null ? "" : identityProviderId;
        AuthorizationResponse authorizationResponse = authorizationResponse(request);
        Optional<PendingLogin> pending = pendingLogins.take(request, response, request.getParameter("state"));
        if (pending.isEmpty()) {
            errorPage.show(request, response, new LoginFailedException(ErrorCode.STATE_UNKNOWN, "a test sign-in came "
                    + "back to a browser that did not start it"), identityProviderId);
            return;
        }
        DryRunPage.write(response, loginService.completeDryRun(callbackIdentityProviderId, pending.get(),
                authorizationResponse));
    }

    private static AuthorizationResponse authorizationResponse(HttpServletRequest request) {
        return AuthorizationResponse.of(request.getParameter("state"), request.getParameter("code"),
                request.getParameter("iss"), request.getParameter("error"), request.getParameter("error_description"));
    }

    private LoginSuccess complete(HttpServletRequest request, HttpServletResponse response, String identityProviderId) {
        String callbackIdentityProviderId = identityProviderId == null ? "" : identityProviderId;
        loginService.checkCallbackProvider(callbackIdentityProviderId);
        AuthorizationResponse authorizationResponse = authorizationResponse(request);
        String state = authorizationResponse.state()
                .orElseThrow(() -> new LoginFailedException(ErrorCode.STATE_MISSING, "callback without state"));
        Optional<PendingLogin> pending = pendingLogins.take(request, response, state);
        PendingLogin login = pending.orElseThrow(() -> new LoginFailedException(ErrorCode.STATE_UNKNOWN,
                "this browser has no pending login for this state (replayed after use, forged, started in another "
                        + "browser, cookies blocked, or older than ten minutes)"));
        return loginService.completeLogin(callbackIdentityProviderId, login, authorizationResponse);
    }
}
