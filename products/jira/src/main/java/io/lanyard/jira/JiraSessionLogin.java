package io.lanyard.jira;

import com.atlassian.jira.security.login.LoginManager;
import com.atlassian.jira.user.util.UserManager;
import io.lanyard.plugin.sal.SalLogin;
import io.lanyard.plugin.seraph.SeraphSessionLogin;
import java.security.Principal;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a user in to Jira through SAL ({@link SeraphSessionLogin}) and adds what Jira's SAL listener is not known to
 * do (docs/host-evidence.md, topics 1.1 and 1.4): the login attempt recorded with {@code LoginManager} (last login;
 * the failed-login count and CAPTCHA reset), and the two attributes Atlassian's own SSO sets on Jira after a login.
 */
public final class JiraSessionLogin extends SeraphSessionLogin {

    /** Request: set by Atlassian's SSO on Jira before its redirect; what reads it is Jira's closed source. */
    static final String REDIRECT_INTERCEPTING = "com.atlassian.web.servlet.plugin.request.RedirectInterceptingResponse.sendRedirect";
    /**
     * Session: the bot killer (Jira's {@code BotKillerFilter}) keeps a session's real timeout here; once set, it never
     * cuts this session to 60 s.
     */
    static final String BOT_KILLER = "com.atlassian.labs.botkiller.BotKiller";

    private static final Logger LOG = LoggerFactory.getLogger(JiraSessionLogin.class);

    private final UserManager userManager;
    private final LoginManager loginManager;

    public JiraSessionLogin(SalLogin salLogin, UserManager userManager, LoginManager loginManager) {
        super("Jira", salLogin);
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.loginManager = Objects.requireNonNull(loginManager, "loginManager");
    }

    /** Jira's Seraph keeps the {@code ApplicationUser}. */
    @Override
    protected Object seraphPrincipal(Principal salPrincipal, String username) {
        return userManager.getUserByName(username);
    }

    @Override
    protected void afterLogin(HttpServletRequest request, HttpSession session, String username, boolean throughSal) {
        request.setAttribute(REDIRECT_INTERCEPTING, Boolean.TRUE);
        session.setAttribute(BOT_KILLER, session.getMaxInactiveInterval());
        try {
            loginManager.onLoginAttempt(request, username, true);
        } catch (RuntimeException | LinkageError e) {
            // PLAUSIBLE on Jira 10/11 only (docs/host-evidence.md, 1.2); an optional reference: the login stands.
            LOG.warn("Jira's LoginManager did not record the login of {} ({}); the last-login date stays as it was",
                    username, e.toString());
        }
    }
}
