package io.lanyard.bamboo;

import com.atlassian.crowd.embedded.api.CrowdService;
import com.atlassian.crowd.embedded.api.User;
import com.atlassian.sal.api.user.UserManager;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.HostUser;
import io.lanyard.plugin.seraph.SeraphSession;
import io.lanyard.plugin.session.SessionLogin;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

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
        return SeraphSession.isLoggedIn(request, salUserManager);
    }

    @Override
    public void logIn(HttpServletRequest request, HttpServletResponse response, HostUser user) {
        try {
            User crowdUser = crowdService.getUser(user.username());
            if (crowdUser == null) {
                throw new LanyardException(ErrorCode.HOST_LOGIN_FAILED,
                        "Bamboo has no user \"" + user.username() + "\" any more");
            }
            SeraphSession.logIn(request, crowdUser);
        } catch (NoSuchFieldError | NoSuchMethodError | NoClassDefFoundError e) {
            throw new LanyardException(ErrorCode.HOST_API_UNAVAILABLE,
                    "Bamboo's Seraph session API differs from the one Lanyard knows: " + e, e);
        }
    }
}
