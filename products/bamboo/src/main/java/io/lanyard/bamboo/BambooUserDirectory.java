package io.lanyard.bamboo;

import com.atlassian.crowd.embedded.api.CrowdService;
import com.atlassian.crowd.embedded.api.User;
import com.atlassian.crowd.search.EntityDescriptor;
import com.atlassian.crowd.search.builder.QueryBuilder;
import com.atlassian.crowd.search.builder.Restriction;
import com.atlassian.crowd.search.query.entity.restriction.constants.UserTermKeys;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.UserDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bamboo's users through the embedded Crowd service: by username with {@code getUser}; by e-mail with a Crowd
 * query (UNCONFIRMED on Bamboo: a failure only turns off the e-mail lookup).
 */
public final class BambooUserDirectory implements UserDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(BambooUserDirectory.class);
    /** More matches than this are ambiguous anyway; the core refuses any number above one. */
    static final int MAX_EMAIL_MATCHES = 10;

    private final CrowdService crowdService;

    public BambooUserDirectory(CrowdService crowdService) {
        this.crowdService = Objects.requireNonNull(crowdService, "crowdService");
    }

    @Override
    public Optional<HostUser> findByUsername(String username) {
        return Optional.ofNullable(crowdService.getUser(username)).map(BambooUserDirectory::toHostUser);
    }

    @Override
    public List<HostUser> findByEmail(String email) {
        List<HostUser> users = new ArrayList<>();
        try {
            Iterable<User> found = crowdService.search(QueryBuilder.queryFor(User.class, EntityDescriptor.user(),
                    Restriction.on(UserTermKeys.EMAIL).exactlyMatching(email), 0, MAX_EMAIL_MATCHES));
            for (User user : found) {
                if (user != null && email.equalsIgnoreCase(user.getEmailAddress())) {
                    users.add(toHostUser(user));
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Bamboo's user search by e-mail is unavailable ({}); no user is found by e-mail", e.toString());
            return List.of();
        }
        return users;
    }

    static HostUser toHostUser(User user) {
        return new HostUser(user.getName(), user.getDisplayName(), user.getEmailAddress(), user.isActive());
    }
}
