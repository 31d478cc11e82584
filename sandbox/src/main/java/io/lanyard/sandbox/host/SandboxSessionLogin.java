package io.lanyard.sandbox.host;

import io.lanyard.core.host.HostUser;
import io.lanyard.core.login.LoginSuccess;
import io.lanyard.plugin.session.SessionLogin;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * The sandbox's session login: the username in one session attribute, as Seraph keeps its user in one; after a
 * Lanyard login also the claims Lanyard validated, which the sandbox shows at {@code /rest/sandbox/1/claims}.
 */
public final class SandboxSessionLogin implements SessionLogin {

    static final String USER_ATTRIBUTE = "io.lanyard.sandbox.user";
    static final String CLAIMS_ATTRIBUTE = "io.lanyard.sandbox.claims";

    @Override
    public boolean isLoggedIn(HttpServletRequest request) {
        return loggedInUsername(request).isPresent();
    }

    @Override
    public void logIn(HttpServletRequest request, HttpServletResponse response, HostUser user) {
        HttpSession session = request.getSession(true);
        session.setAttribute(USER_ATTRIBUTE, user.username());
        session.removeAttribute(CLAIMS_ATTRIBUTE);
    }

    @Override
    public void logIn(HttpServletRequest request, HttpServletResponse response, LoginSuccess login) {
        logIn(request, response, login.user());
        request.getSession().setAttribute(CLAIMS_ATTRIBUTE, login.claims());
    }

    /** The validated claims of the Lanyard login of this session (empty after a native login); never creates a session. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> loggedInClaims(HttpServletRequest request) {
        if (loggedInUsername(request).isEmpty()) {
            return Optional.empty();
        }
        Object claims = request.getSession(false).getAttribute(CLAIMS_ATTRIBUTE);
        return Optional.of(claims instanceof Map ? (Map<String, Object>) claims : Map.of());
    }

    /** The logged-in user's name (of this request's bearer token, or of the session); never creates a session. */
    public Optional<String> loggedInUsername(HttpServletRequest request) {
        if (request.getAttribute(SandboxRequestLogin.USER_ATTRIBUTE) instanceof String bearerUser) {
            return Optional.of(bearerUser);
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object username = session.getAttribute(USER_ATTRIBUTE);
        return username instanceof String ? Optional.of((String) username) : Optional.empty();
    }
}
