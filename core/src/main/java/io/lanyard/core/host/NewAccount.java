package io.lanyard.core.host;

import java.util.Objects;
import java.util.Optional;

/**
 * An account to create.
 *
 * @param directory   the name of the directory to create it in; empty: the host's first writable directory
 * @param username    its username
 * @param displayName its full name
 * @param email       its e-mail address
 */
public record NewAccount(Optional<String> directory, String username, String displayName, String email) {

    public NewAccount {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
    }
}
