package io.lanyard.confluence;

import com.atlassian.confluence.security.login.LoginManager;
import com.atlassian.confluence.security.seraph.ConfluenceUserPrincipal;
import com.atlassian.confluence.user.AuthenticatedUserThreadLocal;
import com.atlassian.confluence.user.ConfluenceUser;
import com.atlassian.confluence.user.UserAccessor;
import com.atlassian.sal.api.user.UserManager;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.HostUser;
import io.lanyard.plugin.seraph.SeraphSession;
import io.lanyard.plugin.session.SessionLogin;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a user into Confluence the way its Seraph authenticator does: a {@code ConfluenceUserPrincipal} under
 * Seraph's logged-in key, nothing under its logged-out key, the user on {@code AuthenticatedUserThreadLocal} for
 * this request, and the successful login recorded. No remember-me cookie is set.
 */
public final class ConfluenceSessionLogin implements SessionLogin {

    private static final Logger LOG = LoggerFactory.getLogger(ConfluenceSessionLogin.class);

    private final UserManager salUserManager;
    private final UserAccessor userAccessor;
    private final LoginManager loginManager;

    public ConfluenceSessionLogin(UserManager salUserManager, UserAccessor userAccessor, LoginManager loginManager) {
        this.salUserManager = Objects.requireNonNull(salUserManager, "salUserManager");
        this.userAccessor = Objects.requireNonNull(userAccessor, "userAccessor");
        this.loginManager = Objects.requireNonNull(loginManager, "loginManager");
    }

    @Override
    public boolean isLoggedIn(HttpServletRequest request) {
        return SeraphSession.isLoggedIn(request, salUserManager);
    }

    @Override
    public void logIn(HttpServletRequest request, HttpServletResponse response, HostUser user) {
        ConfluenceUser confluenceUser;
        try {
            confluenceUser = userAccessor.getUserByName(user.username());
            if (confluenceUser == null) {
                throw new LanyardException(ErrorCode.HOST_LOGIN_FAILED,
                        "Confluence has no user \"" + user.username() + "\" any more");
            }
            SeraphSession.logIn(request, new ConfluenceUserPrincipal(confluenceUser));
            AuthenticatedUserThreadLocal.set(confluenceUser);
        } catch (LinkageError e) {
            throw new LanyardException(ErrorCode.HOST_API_UNAVAILABLE, "Confluence's session API differs: " + e, e);
        }
        recordSuccessfulLogin(request, confluenceUser.getName());
    }

    private void recordSuccessfulLogin(HttpServletRequest request, String username) {
        try {
            loginManager.onSuccessfulLoginAttempt(username, request);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Could not record the login of {} with Confluence's LoginManager ({}); the login stands",
                    username, e.toString());
        }
    }
}
