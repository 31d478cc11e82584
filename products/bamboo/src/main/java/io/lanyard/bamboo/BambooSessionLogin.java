package io.lanyard.bamboo;

import com.atlassian.crowd.embedded.api.CrowdService;
import com.atlassian.crowd.embedded.api.User;
import com.atlassian.sal.api.user.UserManager;
import io.lanyard.plugin.seraph.SeraphSessionLogin;
import java.util.Objects;

/**
 * Logs a user into Bamboo through Seraph's session keys ({@code BambooAuthenticator extends DefaultAuthenticator};
 * {@link SeraphSessionLogin}).
 *
 * <p>UNCONFIRMED: which principal Bamboo keeps under the logged-in key. The best-known form is the Crowd
 * {@code User} of {@code CrowdService.getUser(name)}, which is what this stores. A Bamboo whose API differs ends
 * in {@code LNY-601} (never a broken request), and its own login keeps working.
 */
public final class BambooSessionLogin extends SeraphSessionLogin<User> {

    private final CrowdService crowdService;

    public BambooSessionLogin(UserManager salUserManager, CrowdService crowdService) {
        super("Bamboo", salUserManager);
        this.crowdService = Objects.requireNonNull(crowdService, "crowdService");
    }

    @Override
    protected User findUser(String username) {
        return crowdService.getUser(username);
    }

    @Override
    protected Object principal(User user) {
        return user;
    }
}
