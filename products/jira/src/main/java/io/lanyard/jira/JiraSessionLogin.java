package io.lanyard.jira;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.security.login.LoginManager;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import io.lanyard.plugin.seraph.SeraphSessionLogin;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;

/**
 * Logs a user into Jira the way Seraph's own login does ({@link SeraphSessionLogin}): the {@code ApplicationUser}
 * under Seraph's logged-in key, the user in the authentication context of this request, and the login attempt
 * recorded (which resets the failed-login count and CAPTCHA).
 */
public final class JiraSessionLogin extends SeraphSessionLogin<ApplicationUser> {

    private final UserManager userManager;
    private final JiraAuthenticationContext authenticationContext;
    private final LoginManager loginManager;

    public JiraSessionLogin(com.atlassian.sal.api.user.UserManager salUserManager, UserManager userManager,
            JiraAuthenticationContext authenticationContext, LoginManager loginManager) {
        super("Jira", salUserManager);
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.authenticationContext = Objects.requireNonNull(authenticationContext, "authenticationContext");
        this.loginManager = Objects.requireNonNull(loginManager, "loginManager");
    }

    @Override
    protected ApplicationUser findUser(String username) {
        return userManager.getUserByName(username);
    }

    @Override
    protected Object principal(ApplicationUser user) {
        return user;
    }

    @Override
    protected void setForThisRequest(ApplicationUser user) {
        authenticationContext.setLoggedInUser(user);
    }

    /** The return type ({@code LoginInfo}) is UNCONFIRMED, so a mismatch costs only this step. */
    @Override
    protected void recordLogin(HttpServletRequest request, ApplicationUser user) {
        loginManager.onLoginAttempt(request, user.getUsername(), true);
    }
}
