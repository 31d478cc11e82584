package io.lanyard.core.host;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.util.List;
import java.util.Set;

/**
 * Port: writes to the host's accounts. Just-in-time creation at login uses it now; service accounts and directory
 * sync will use the same operations, so it knows nothing of logins. One thin adapter per product (the embedded Crowd
 * API), and the sandbox's in-memory directory.
 *
 * <p>A failure is a {@link LanyardException} with the code of the operation ({@code LNY-610}–{@code LNY-617}); an
 * adapter never leaves a host exception or a {@link LinkageError} behind it.
 */
public interface AccountWrites {

    /** The user attribute in which an account remembers the identities it was bound to (issuer and subject). */
    String IDENTITY_ATTRIBUTE = "lanyard.identity";

    /**
     * The directories in which Lanyard may create users, in the host's order: the first is where an account goes
     * when no directory is chosen.
     *
     * @throws LanyardException {@code HOST_WRITES_UNAVAILABLE}
     */
    List<HostDirectory> writableDirectories();

    /**
     * Creates an account that cannot log in with a password (a random one nobody learns, or the host's "none").
     *
     * @throws LanyardException {@code HOST_DIRECTORY_UNAVAILABLE} (the directory named is not writable),
     *         {@code HOST_ACCOUNT_CREATE_FAILED}, {@code HOST_WRITES_UNAVAILABLE}
     */
    HostUser create(NewAccount account);

    /**
     * Changes what {@code changes} gives of an existing account, nothing else.
     *
     * @throws LanyardException {@code HOST_ACCOUNT_UPDATE_FAILED}, {@code HOST_WRITES_UNAVAILABLE}
     */
    HostUser update(String username, AccountChanges changes);

    /**
     * The values of a user attribute; empty when it has none.
     *
     * @throws LanyardException {@code HOST_USER_ATTRIBUTE_FAILED} (also when the host keeps no attributes)
     */
    Set<String> attribute(String username, String name);

    /**
     * Replaces the values of a user attribute.
     *
     * @throws LanyardException {@code HOST_USER_ATTRIBUTE_FAILED} (also when the host keeps no attributes)
     */
    void setAttribute(String username, String name, Set<String> values);

    /** For a host that offers no account writes Lanyard knows: every operation fails with {@code reason}. */
    static AccountWrites unavailable(String reason) {
        return new AccountWrites() {
            @Override
            public List<HostDirectory> writableDirectories() {
                throw failure();
            }

            @Override
            public HostUser create(NewAccount account) {
                throw failure();
            }

            @Override
            public HostUser update(String username, AccountChanges changes) {
                throw failure();
            }

            @Override
            public Set<String> attribute(String username, String name) {
                throw failure();
            }

            @Override
            public void setAttribute(String username, String name, Set<String> values) {
                throw failure();
            }

            private LanyardException failure() {
                return new LanyardException(ErrorCode.HOST_WRITES_UNAVAILABLE, reason);
            }
        };
    }
}
