package io.lanyard.core.host;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.util.Set;

/**
 * Port: a user's group memberships, read and written where the host keeps them (the directory that holds the user).
 * Group sync at login uses it now, directory sync later; it makes no decision of its own. Group names compare as the
 * host compares them (case-insensitively in the Atlassian products).
 *
 * <p>A failure is a {@link LanyardException} with the code of the operation ({@code LNY-614}–{@code LNY-617}).
 */
public interface GroupWrites {

    /**
     * The memberships of one existing user.
     *
     * @throws LanyardException {@code HOST_GROUPS_UNREADABLE} (no such user), {@code HOST_WRITES_UNAVAILABLE}
     */
    UserGroups of(String username);

    /** The memberships of one user, bound to where the host keeps them. */
    interface UserGroups {

        /** The groups the user is a direct member of. @throws LanyardException {@code HOST_GROUPS_UNREADABLE} */
        Set<String> direct();

        /** Whether a group of this name exists where the user's memberships are kept. */
        boolean exists(String group);

        /** Creates an empty group. @throws LanyardException {@code HOST_GROUP_CREATE_FAILED} */
        void create(String group);

        /** Adds the user to an existing group. @throws LanyardException {@code HOST_MEMBERSHIP_CHANGE_FAILED} */
        void add(String group);

        /** Removes the user from a group. @throws LanyardException {@code HOST_MEMBERSHIP_CHANGE_FAILED} */
        void remove(String group);
    }

    /** For a host that offers no group writes Lanyard knows: every operation fails with {@code reason}. */
    static GroupWrites unavailable(String reason) {
        return username -> {
            throw new LanyardException(ErrorCode.HOST_WRITES_UNAVAILABLE, reason);
        };
    }
}
