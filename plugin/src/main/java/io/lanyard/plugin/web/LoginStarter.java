package io.lanyard.plugin.web;

import io.lanyard.core.error.LanyardException;
import io.lanyard.core.login.LoginRedirect;
import io.lanyard.core.login.LoginService;
import java.io.IOException;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Starts a login at one provider: asks the core for the redirect, keeps the pending login, sends the browser on. */
final class LoginStarter {

    private final LoginService loginService;
    private final PendingLoginRepository pendingLogins;
    private final ErrorPage errorPage;

    LoginStarter(LoginService loginService, PendingLoginRepository pendingLogins, ErrorPage errorPage) {
        this.loginService = Objects.requireNonNull(loginService, "loginService");
        this.pendingLogins = Objects.requireNonNull(pendingLogins, "pendingLogins");
        this.errorPage = Objects.requireNonNull(errorPage, "errorPage");
    }

    /**
     * @param requestedReturn where the user wanted to go, untrusted: the core validates it against the base URL
     */
    void start(HttpServletRequest request, HttpServletResponse response, String identityProviderId,
            String requestedReturn) throws IOException {
        LoginRedirect redirect;
        try {
            redirect = loginService.startLogin(identityProviderId, requestedReturn);
        } catch (LanyardException failure) {
            errorPage.show(request, response, failure, identityProviderId);
            return;
        }
        pendingLogins.save(request, redirect.pendingLogin());
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(redirect.authorizationUri().toASCIIString());
    }
}
