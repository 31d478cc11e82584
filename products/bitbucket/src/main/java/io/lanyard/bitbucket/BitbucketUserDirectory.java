package io.lanyard.bitbucket;

import com.atlassian.bitbucket.user.ApplicationUser;
import com.atlassian.bitbucket.user.UserService;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.UserDirectory;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bitbucket's users through its {@code UserService}: by name with {@code getUserByName}; by e-mail with
 * {@code findUserByNameOrEmail} (UNCONFIRMED: a failure only turns off the e-mail lookup), kept only when the
 * address really matches.
 */
public final class BitbucketUserDirectory implements UserDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(BitbucketUserDirectory.class);

    private final UserService userService;

    public BitbucketUserDirectory(UserService userService) {
        this.userService = Objects.requireNonNull(userService, "userService");
    }

    @Override
    public Optional<HostUser> findByUsername(String username) {
        return Optional.ofNullable(userService.getUserByName(username)).map(BitbucketUserDirectory::toHostUser);
    }

    @Override
    public List<HostUser> findByEmail(String email) {
        try {
            ApplicationUser user = userService.findUserByNameOrEmail(email);
            // "name or e-mail": a user whose *name* is this string must not be taken for its owner.
            if (user != null && email.equalsIgnoreCase(user.getEmailAddress())) {
                return List.of(toHostUser(user));
            }
            return List.of();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Bitbucket's user search by e-mail is unavailable ({}); no user is found by e-mail", e.toString());
            return List.of();
        }
    }

    static HostUser toHostUser(ApplicationUser user) {
        return new HostUser(user.getName(), user.getDisplayName(), user.getEmailAddress(), user.isActive());
    }
}
