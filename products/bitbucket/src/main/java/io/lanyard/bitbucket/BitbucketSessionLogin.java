package io.lanyard.bitbucket;

import com.atlassian.sal.api.user.UserManager;
import io.lanyard.core.host.HostUser;
import io.lanyard.plugin.session.SessionLogin;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * Bitbucket logs users in through authentication handlers, not session attributes of ours. The callback therefore
 * only leaves the verified username in the session; on the browser's next request Bitbucket asks its handlers,
 * and {@link LanyardAuthenticationHandler} turns that username into the authenticated user, once.
 */
public final class BitbucketSessionLogin implements SessionLogin {

    private final UserManager salUserManager;

    public BitbucketSessionLogin(UserManager salUserManager) {
        this.salUserManager = Objects.requireNonNull(salUserManager, "salUserManager");
    }

    /** Logged in, or about to be: a verified username waiting for the handler must not start another login. */
    @Override
    public boolean isLoggedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(LanyardAuthenticationHandler.VERIFIED_USERNAME) != null) {
            return true;
        }
        return salUserManager.getRemoteUserKey(request) != null;
    }

    @Override
    public void logIn(HttpServletRequest request, HttpServletResponse response, HostUser user) {
        request.getSession(true).setAttribute(LanyardAuthenticationHandler.VERIFIED_USERNAME, user.username());
    }
}
