package io.lanyard.plugin.seraph;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.HostUser;
import io.lanyard.plugin.sal.SalLogin;
import io.lanyard.plugin.session.SessionLogin;
import java.security.Principal;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a user in to a product whose login is Seraph's (Jira, Confluence, Bamboo) the way Atlassian's own SSO does,
 * through SAL ({@link SalLogin}): the product's principal once the product agrees that it may log in, a new session
 * marked as a single sign-on, and the product's SAL listener establishing the login. Each product adds only what
 * SAL lacks ({@link #afterLogin}).
 *
 * <p>Should the listener be missing or not link (a product version whose SAL differs), Seraph's own session keys are
 * written instead ({@link SeraphSession}), with one warning, and the product records the login its own way.
 */
public abstract class SeraphSessionLogin implements SessionLogin {

    private static final Logger LOG = LoggerFactory.getLogger(SeraphSessionLogin.class);

    private final String product;
    private final SalLogin salLogin;

    /** @param product the product's name, for messages, e.g. {@code Jira} */
    protected SeraphSessionLogin(String product, SalLogin salLogin) {
        this.product = Objects.requireNonNull(product, "product");
        this.salLogin = Objects.requireNonNull(salLogin, "salLogin");
    }

    /**
     * Seraph's session by either key, or SAL's remote user: the filter runs before Seraph has read the session. Runs
     * on every request the filter sees, so it never creates a session.
     */
    @Override
    public final boolean isLoggedIn(HttpServletRequest request) {
        return SeraphSession.holdsUser(request) || salLogin.hasRemoteUser(request);
    }

    @Override
    public final void logIn(HttpServletRequest request, HttpServletResponse response, HostUser user) {
        String username = user.username();
        Principal principal = salLogin.permittedPrincipal(username, request);
        HttpSession session = SalLogin.newSession(request);
        boolean throughSal = salLogin.authenticationSuccess(principal, request, response);
        if (!throughSal) {
            logInWithSeraphKeys(session, principal, username);
        }
        try {
            afterLogin(request, session, username, throughSal);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Could not complete the login of {} with {}'s own steps ({}); the login stands", username, product,
                    e.toString());
        }
    }

    private void logInWithSeraphKeys(HttpSession session, Principal principal, String username) {
        Object seraphPrincipal;
        try {
            seraphPrincipal = seraphPrincipal(principal, username);
        } catch (LinkageError e) {
            throw new LanyardException(ErrorCode.HOST_API_UNAVAILABLE,
                    product + "'s user API differs from the one Lanyard knows: " + e, e);
        }
        if (seraphPrincipal == null) {
            throw new LanyardException(ErrorCode.HOST_LOGIN_FAILED, product + " has no user \"" + username + "\" any more");
        }
        SeraphSession.logIn(session, seraphPrincipal, username);
    }

    /**
     * What the product's Seraph keeps under its logged-in key for this user, when its SAL listener could not be used;
     * null when the product has no such user.
     */
    protected abstract Object seraphPrincipal(Principal salPrincipal, String username);

    /**
     * The product's own steps once the session is established: what SAL does not do (e.g. recording the login).
     * A failure here leaves the login standing, with a warning.
     *
     * @param throughSal whether the product's SAL listener established the session (else Seraph's keys did)
     */
    protected void afterLogin(HttpServletRequest request, HttpSession session, String username, boolean throughSal) {
    }
}
