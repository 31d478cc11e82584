package io.lanyard.confluence;

import com.atlassian.confluence.security.login.LoginManager;
import com.atlassian.confluence.security.seraph.ConfluenceUserPrincipal;
import com.atlassian.confluence.user.AuthenticatedUserThreadLocal;
import com.atlassian.confluence.user.ConfluenceUser;
import com.atlassian.confluence.user.UserAccessor;
import com.atlassian.sal.api.user.UserManager;
import io.lanyard.plugin.seraph.SeraphSessionLogin;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;

/**
 * Logs a user into Confluence the way its Seraph authenticator does ({@link SeraphSessionLogin}): a
 * {@code ConfluenceUserPrincipal} under Seraph's logged-in key, the user on {@code AuthenticatedUserThreadLocal} for
 * this request, and the successful login recorded.
 */
public final class ConfluenceSessionLogin extends SeraphSessionLogin<ConfluenceUser> {

    private final UserAccessor userAccessor;
    private final LoginManager loginManager;

    public ConfluenceSessionLogin(UserManager salUserManager, UserAccessor userAccessor, LoginManager loginManager) {
        super("Confluence", salUserManager);
        this.userAccessor = Objects.requireNonNull(userAccessor, "userAccessor");
        this.loginManager = Objects.requireNonNull(loginManager, "loginManager");
    }

    @Override
    protected ConfluenceUser findUser(String username) {
        return userAccessor.getUserByName(username);
    }

    @Override
    protected Object principal(ConfluenceUser user) {
        return new ConfluenceUserPrincipal(user);
    }

    @Override
    protected void setForThisRequest(ConfluenceUser user) {
        AuthenticatedUserThreadLocal.set(user);
    }

    @Override
    protected void recordLogin(HttpServletRequest request, ConfluenceUser user) {
        loginManager.onSuccessfulLoginAttempt(user.getName(), request);
    }
}
