package io.lanyard.bitbucket;

import io.lanyard.core.host.HostUser;
import io.lanyard.plugin.sal.SalLogin;
import io.lanyard.plugin.session.SessionLogin;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * Bitbucket logs users in through authentication handlers. The callback asks SAL as on every product
 * ({@link SalLogin#permittedPrincipal}: refreshed, resolved, allowed to log in), then leaves the verified username in
 * a new session; on the browser's next request Bitbucket asks its handlers, and {@link LanyardAuthenticationHandler}
 * turns that username into the authenticated user, once. (Whether Bitbucket's SAL listener would establish the
 * session itself is PLAUSIBLE only: docs/host-evidence.md, 1.1.)
 */
public final class BitbucketSessionLogin implements SessionLogin {

    private final SalLogin salLogin;

    public BitbucketSessionLogin(SalLogin salLogin) {
        this.salLogin = Objects.requireNonNull(salLogin, "salLogin");
    }

    /** Logged in, or about to be: a verified username waiting for the handler must not start another login. */
    @Override
    public boolean isLoggedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(LanyardAuthenticationHandler.VERIFIED_USERNAME) != null) {
            return true;
        }
        return salLogin.hasRemoteUser(request);
    }

    @Override
    public void logIn(HttpServletRequest request, HttpServletResponse response, HostUser user) {
        salLogin.permittedPrincipal(user.username(), request);
        SalLogin.newSession(request).setAttribute(LanyardAuthenticationHandler.VERIFIED_USERNAME, user.username());
    }
}
