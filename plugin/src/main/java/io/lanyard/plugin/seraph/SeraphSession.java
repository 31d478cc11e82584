package io.lanyard.plugin.seraph;

import com.atlassian.sal.api.user.UserManager;
import com.atlassian.seraph.auth.DefaultAuthenticator;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

/**
 * Seraph's session keys (Jira, Confluence, Bamboo), as its {@code DefaultAuthenticator} reads and writes them: the
 * part of logging in that these products share. What each keeps under the key is the product adapter's business.
 */
public final class SeraphSession {

    private SeraphSession() {
    }

    /**
     * Seraph's session attribute, or SAL's remote user: the filter runs before Seraph has read the session. Runs on
     * every request the filter sees, so it looks at an existing session only and never creates one.
     */
    public static boolean isLoggedIn(HttpServletRequest request, UserManager salUserManager) {
        try {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(DefaultAuthenticator.LOGGED_IN_KEY) != null) {
                return true;
            }
        } catch (LinkageError e) {
            // A host whose Seraph lacks the key (UNCONFIRMED on Bamboo): SAL alone decides.
        }
        return salUserManager.getRemoteUserKey(request) != null;
    }

    /**
     * Puts {@code principal} under Seraph's logged-in key and clears its logged-out mark, as a successful form login
     * does.
     *
     * @throws LinkageError when the host's Seraph differs; the adapter turns it into its error code
     */
    public static void logIn(HttpServletRequest request, Object principal) {
        HttpSession session = request.getSession(true);
        session.setAttribute(DefaultAuthenticator.LOGGED_IN_KEY, principal);
        session.setAttribute(DefaultAuthenticator.LOGGED_OUT_KEY, null);
    }
}
