package io.lanyard.confluence;

import com.atlassian.crowd.embedded.api.CrowdService;
import com.atlassian.crowd.embedded.api.User;
import com.atlassian.confluence.user.UserAccessor;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.UserDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confluence's users: by username through the embedded Crowd service; by e-mail through
 * {@code UserAccessor.getUsersByEmail} (UNCONFIRMED on the newest Confluence: a failure only turns off the e-mail
 * lookup).
 */
public final class ConfluenceUserDirectory implements UserDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(ConfluenceUserDirectory.class);

    private final CrowdService crowdService;
    private final UserAccessor userAccessor;

    public ConfluenceUserDirectory(CrowdService crowdService, UserAccessor userAccessor) {
        this.crowdService = Objects.requireNonNull(crowdService, "crowdService");
        this.userAccessor = Objects.requireNonNull(userAccessor, "userAccessor");
    }

    @Override
    public Optional<HostUser> findByUsername(String username) {
        return Optional.ofNullable(crowdService.getUser(username)).map(ConfluenceUserDirectory::toHostUser);
    }

    @Override
    public List<HostUser> findByEmail(String email) {
        List<HostUser> users = new ArrayList<>();
        try {
            for (com.atlassian.user.User candidate : userAccessor.getUsersByEmail(email).pager()) {
                findByUsername(candidate.getName())
                        .filter(user -> email.equalsIgnoreCase(user.email()))
                        .ifPresent(users::add);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Confluence's user search by e-mail is unavailable ({}); no user is found by e-mail", e.toString());
            return List.of();
        }
        return users;
    }

    static HostUser toHostUser(User user) {
        return new HostUser(user.getName(), user.getDisplayName(), user.getEmailAddress(), user.isActive());
    }
}
