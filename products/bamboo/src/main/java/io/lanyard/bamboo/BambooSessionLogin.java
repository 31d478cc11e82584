package io.lanyard.bamboo;

import com.atlassian.crowd.embedded.api.CrowdService;
import com.atlassian.crowd.embedded.api.User;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.seraph.auth.DefaultAuthenticator;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.HostUser;
import io.lanyard.plugin.host.SessionLogin;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * Logs a user into Bamboo through Seraph's session keys ({@code BambooAuthenticator extends DefaultAuthenticator}).
 *
 * <p>UNCONFIRMED: which principal Bamboo keeps under the logged-in key. The best-known form is the Crowd
 * {@code User} of {@code CrowdService.getUser(name)}, which is what this stores. A Bamboo whose API differs ends
 * in {@code LNY-601} (never a broken request), and its own login keeps working.
 */
public final class BambooSessionLogin implements SessionLogin {

    private final UserManager salUserManager;
    private final CrowdService crowdService;

    public BambooSessionLogin(UserManager salUserManager, CrowdService crowdService) {
        this.salUserManager = Objects.requireNonNull(salUserManager, "salUserManager");
        this.crowdService = Objects.requireNonNull(crowdService, "crowdService");
    }

    @Override
    public boolean isLoggedIn(HttpServletRequest request) {
        try {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(DefaultAuthenticator.LOGGED_IN_KEY) != null) {
                return true;
            }
        } catch (LinkageError e) {
            // UNCONFIRMED field on this Bamboo: SAL alone decides.
        }
        return salUserManager.getRemoteUserKey(request) != null;
    }

    @Override
    public void logIn(HttpServletRequest request, HttpServletResponse response, HostUser user) {
        try {
            User crowdUser = crowdService.getUser(user.username());
            if (crowdUser == null) {
                throw new LanyardException(ErrorCode.HOST_LOGIN_FAILED,
                        "Bamboo has no user \"" + user.username() + "\" any more");
            }
            HttpSession session = request.getSession(true);
            session.setAttribute(DefaultAuthenticator.LOGGED_IN_KEY, crowdUser);
            session.setAttribute(DefaultAuthenticator.LOGGED_OUT_KEY, null);
        } catch (NoSuchFieldError | NoSuchMethodError | NoClassDefFoundError e) {
            throw new LanyardException(ErrorCode.HOST_API_UNAVAILABLE,
                    "Bamboo's Seraph session API differs from the one Lanyard knows: " + e, e);
        }
    }
}
