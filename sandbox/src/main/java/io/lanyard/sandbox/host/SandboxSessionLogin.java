package io.lanyard.sandbox.host;

import io.lanyard.core.host.HostUser;
import io.lanyard.plugin.host.SessionLogin;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/** The sandbox's session login: the username in one session attribute, as Seraph keeps its user in one. */
public final class SandboxSessionLogin implements SessionLogin {

    static final String USER_ATTRIBUTE = "io.lanyard.sandbox.user";

    @Override
    public boolean isLoggedIn(HttpServletRequest request) {
        return loggedInUsername(request).isPresent();
    }

    @Override
    public void logIn(HttpServletRequest request, HttpServletResponse response, HostUser user) {
        request.getSession(true).setAttribute(USER_ATTRIBUTE, user.username());
    }

    /** The logged-in user's name; never creates a session. */
    public Optional<String> loggedInUsername(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object username = session.getAttribute(USER_ATTRIBUTE);
        return username instanceof String ? Optional.of((String) username) : Optional.empty();
    }
}
