package io.lanyard.core.host;

import java.util.List;
import java.util.Optional;

/** Port: the host's user directory. Implemented by one thin adapter per product (and by the sandbox). */
public interface UserDirectory {

    /** The user with exactly this username (as the host compares usernames), if any. */
    Optional<HostUser> findByUsername(String username);

    /** Every user with this e-mail address (compared case-insensitively); usually zero or one. */
    List<HostUser> findByEmail(String email);
}
