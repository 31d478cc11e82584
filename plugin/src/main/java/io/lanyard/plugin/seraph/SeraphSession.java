package io.lanyard.plugin.seraph;

import com.atlassian.seraph.auth.DefaultAuthenticator;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

/**
 * Seraph's session keys (Jira, Confluence, Bamboo), as its {@code DefaultAuthenticator} 4.1 reads and writes them
 * (docs/host-evidence.md, topic 1.3): the principal under {@code LOGGED_IN_KEY}, its name under
 * {@code LOGGED_IN_USER_ID_KEY} (read first by Seraph 4.1+, which reloads the user by that name), and nothing under
 * {@code LOGGED_OUT_KEY}. The keys are compile-time constants, inlined like the real Seraph's: nothing here links.
 */
@SuppressWarnings("deprecation") // LOGGED_IN_KEY: deprecated in Seraph 4.1, and the only key Confluence reads
final class SeraphSession {

    private SeraphSession() {
    }

    /** Whether Seraph's session names a logged-in user by either key; looks at an existing session only. */
    static boolean holdsUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(DefaultAuthenticator.LOGGED_OUT_KEY) == null
                && (session.getAttribute(DefaultAuthenticator.LOGGED_IN_USER_ID_KEY) != null
                        || session.getAttribute(DefaultAuthenticator.LOGGED_IN_KEY) != null);
    }

    /** Puts {@code principal} and its {@code name} under both of Seraph's keys and clears the logged-out mark. */
    static void logIn(HttpSession session, Object principal, String name) {
        session.setAttribute(DefaultAuthenticator.LOGGED_IN_KEY, principal);
        session.setAttribute(DefaultAuthenticator.LOGGED_IN_USER_ID_KEY, name);
        session.setAttribute(DefaultAuthenticator.LOGGED_OUT_KEY, null);
    }
}
