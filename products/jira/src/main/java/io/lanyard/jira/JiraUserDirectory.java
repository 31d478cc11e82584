package io.lanyard.jira;

import com.atlassian.jira.bc.user.search.UserSearchService;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.UserDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jira's users: by username through Jira's {@code UserManager}; by e-mail through {@code UserSearchService}
 * (UNCONFIRMED on the newest Jira: an optional service, and a failure only turns off the e-mail lookup).
 */
public final class JiraUserDirectory implements UserDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(JiraUserDirectory.class);

    private final UserManager userManager;
    private final UserSearchService userSearchService;

    public JiraUserDirectory(UserManager userManager, UserSearchService userSearchService) {
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.userSearchService = Objects.requireNonNull(userSearchService, "userSearchService");
    }

    @Override
    public Optional<HostUser> findByUsername(String username) {
        return Optional.ofNullable(userManager.getUserByName(username)).map(JiraUserDirectory::toHostUser);
    }

    @Override
    public List<HostUser> findByEmail(String email) {
        List<HostUser> users = new ArrayList<>();
        try {
            for (ApplicationUser user : userSearchService.findUsersByEmail(email)) {
                // Jira matches e-mail addresses loosely on some directories: keep exact (case-insensitive) matches.
                if (user != null && email.equalsIgnoreCase(user.getEmailAddress())) {
                    users.add(toHostUser(user));
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // UNCONFIRMED service or signature on this Jira: no e-mail lookup, the username lookup still works.
            LOG.warn("Jira's user search by e-mail is unavailable ({}); no user is found by e-mail", e.toString());
            return List.of();
        }
        return users;
    }

    static HostUser toHostUser(ApplicationUser user) {
        return new HostUser(user.getUsername(), user.getDisplayName(), user.getEmailAddress(), user.isActive());
    }
}
