package io.lanyard.bench.filter;

import io.lanyard.core.host.HostUser;
import io.lanyard.plugin.session.SessionLogin;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * A session login the way Jira's and Confluence's Seraph keeps it: the user in one session attribute. The product
 * adapters are not built yet; this is the work such an adapter does to answer {@link #isLoggedIn}.
 */
public final class SeraphStyleSessionLogin implements SessionLogin {

    public static final String USER_ATTRIBUTE = "seraph_defaultauthenticator_user";

    @Override
    public boolean isLoggedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(USER_ATTRIBUTE) != null;
    }

    @Override
    public void logIn(HttpServletRequest request, HttpServletResponse response, HostUser user) {
        throw new UnsupportedOperationException("no login happens in a pass-through benchmark");
    }
}
