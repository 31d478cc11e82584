package io.lanyard.plugin.session;

import io.lanyard.core.host.HostUser;
import io.lanyard.core.login.LoginSuccess;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Port: the host's notion of a logged-in browser session. One thin adapter per product (Seraph session
 * attributes, Bitbucket's authentication handler) and one for the sandbox.
 */
public interface SessionLogin {

    /** Whether this request already belongs to a logged-in user; must not create a session. */
    boolean isLoggedIn(HttpServletRequest request);

    /**
     * Logs the user into the host for this browser. The caller has already renewed the session id
     * (session fixation), so the adapter only records the user the way the host expects.
     *
     * @throws io.lanyard.core.error.LanyardException with {@code HOST_LOGIN_FAILED} if the host refuses
     */
    void logIn(HttpServletRequest request, HttpServletResponse response, HostUser user);

    /**
     * Logs in the user of a completed Lanyard login; what the callback calls. The default records only the user
     * ({@link #logIn(HttpServletRequest, HttpServletResponse, HostUser)}); a host that keeps more of the login, such
     * as its validated claims (the sandbox shows them), overrides it.
     *
     * @throws io.lanyard.core.error.LanyardException with {@code HOST_LOGIN_FAILED} if the host refuses
     */
    default void logIn(HttpServletRequest request, HttpServletResponse response, LoginSuccess login) {
        logIn(request, response, login.user());
    }
}
