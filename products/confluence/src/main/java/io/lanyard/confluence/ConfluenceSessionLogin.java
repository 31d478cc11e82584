package io.lanyard.confluence;

import com.atlassian.confluence.security.login.LoginManager;
import com.atlassian.confluence.security.seraph.ConfluenceUserPrincipal;
import com.atlassian.confluence.user.ConfluenceUser;
import com.atlassian.confluence.user.UserAccessor;
import io.lanyard.plugin.sal.SalLogin;
import io.lanyard.plugin.seraph.SeraphSessionLogin;
import java.security.Principal;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

/**
 * Logs a user in to Confluence through SAL ({@link SeraphSessionLogin}). Confluence's SAL listener records the login
 * and publishes its {@code LoginEvent} itself for a session marked as a single sign-on (docs/host-evidence.md, 1.1),
 * so Confluence needs nothing more; only when the listener could not be used does Lanyard put a
 * {@code ConfluenceUserPrincipal} under Seraph's keys and record the login with {@code LoginManager}.
 */
public final class ConfluenceSessionLogin extends SeraphSessionLogin {

    private final UserAccessor userAccessor;
    private final LoginManager loginManager;

    public ConfluenceSessionLogin(SalLogin salLogin, UserAccessor userAccessor, LoginManager loginManager) {
        super("Confluence", salLogin);
        this.userAccessor = Objects.requireNonNull(userAccessor, "userAccessor");
        this.loginManager = Objects.requireNonNull(loginManager, "loginManager");
    }

    @Override
    protected Object seraphPrincipal(Principal salPrincipal, String username) {
        ConfluenceUser user = userAccessor.getUserByName(username);
        return user == null ? null : new ConfluenceUserPrincipal(user);
    }

    @Override
    protected void afterLogin(HttpServletRequest request, HttpSession session, String username, boolean throughSal) {
        if (!throughSal) {
            loginManager.onSuccessfulLoginAttempt(username, request);
        }
    }
}
