package io.lanyard.sandbox.host;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.login.LoginSuccess;
import io.lanyard.plugin.session.SessionLogin;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * The sandbox's session login: the username in one session attribute, as Seraph keeps its user in one; after a
 * Lanyard login also the claims Lanyard validated, which the sandbox shows at {@code /rest/sandbox/1/claims}. Like a
 * product's SAL {@code canLogin}, a single sign-on is refused ({@code LNY-505}) to an account without product access,
 * here membership of {@value SandboxUserDirectory#USERS_GROUP}.
 */
public final class SandboxSessionLogin implements SessionLogin {

    static final String USER_ATTRIBUTE = "io.lanyard.sandbox.user";
    static final String CLAIMS_ATTRIBUTE = "io.lanyard.sandbox.claims";

    private final SandboxUserDirectory directory;

    public SandboxSessionLogin(SandboxUserDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

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

    /** @throws LanyardException {@code USER_NOT_PERMITTED} for an account without product access; no session made */
    @Override
    public void logIn(HttpServletRequest request, HttpServletResponse response, LoginSuccess login) {
        if (!directory.mayUseTheSandbox(login.user().username())) {
            throw new LanyardException(ErrorCode.USER_NOT_PERMITTED, "the sandbox does not let \""
                    + login.user().username() + "\" log in: not a member of " + SandboxUserDirectory.USERS_GROUP);
        }
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
