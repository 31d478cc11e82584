package io.lanyard.jira;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.login.LoginManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
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
 * Logs a user into Jira the way Seraph's own login does: the {@code ApplicationUser} under Seraph's logged-in key,
 * nothing under its logged-out key, the user in the authentication context of this request, and the login attempt
 * recorded (which resets the failed-login count and CAPTCHA). No remember-me cookie is set.
 */
public final class JiraSessionLogin implements SessionLogin {

    private static final Logger LOG = LoggerFactory.getLogger(JiraSessionLogin.class);

    private final com.atlassian.sal.api.user.UserManager salUserManager;
    private final UserManager userManager;
    private final JiraAuthenticationContext authenticationContext;
    private final LoginManager loginManager;

    public JiraSessionLogin(com.atlassian.sal.api.user.UserManager salUserManager, UserManager userManager,
            JiraAuthenticationContext authenticationContext, LoginManager loginManager) {
        this.salUserManager = Objects.requireNonNull(salUserManager, "salUserManager");
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.authenticationContext = Objects.requireNonNull(authenticationContext, "authenticationContext");
        this.loginManager = Objects.requireNonNull(loginManager, "loginManager");
    }

    @Override
    public boolean isLoggedIn(HttpServletRequest request) {
        return SeraphSession.isLoggedIn(request, salUserManager);
    }

    @Override
    public void logIn(HttpServletRequest request, HttpServletResponse response, HostUser user) {
        ApplicationUser jiraUser = userManager.getUserByName(user.username());
        if (jiraUser == null) {
            throw new LanyardException(ErrorCode.HOST_LOGIN_FAILED,
                    "Jira has no user \"" + user.username() + "\" any more");
        }
        try {
            SeraphSession.logIn(request, jiraUser);
            authenticationContext.setLoggedInUser(jiraUser);
        } catch (LinkageError e) {
            throw new LanyardException(ErrorCode.HOST_API_UNAVAILABLE, "Jira's Seraph session API differs: " + e, e);
        }
        recordLoginAttempt(request, jiraUser.getUsername());
    }

    /** Resets the failed-login counter; the return type is UNCONFIRMED, so a mismatch costs only this step. */
    private void recordLoginAttempt(HttpServletRequest request, String username) {
        try {
            loginManager.onLoginAttempt(request, username, true);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Could not record the login of {} with Jira's LoginManager ({}); the login stands", username,
                    e.toString());
        }
    }
}
