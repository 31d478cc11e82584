package io.lanyard.core.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to change of an existing account; what is empty stays as it is.
 *
 * @param displayName a new full name
 * @param email       a new e-mail address
 * @param active      activate ({@code true}) or deactivate ({@code false})
 */
public record AccountChanges(Optional<String> displayName, Optional<String> email, Optional<Boolean> active) {

    public static final AccountChanges NONE = new AccountChanges(Optional.empty(), Optional.empty(), Optional.empty());

    public AccountChanges {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(active, "active");
    }

    public boolean isEmpty() {
        return displayName.isEmpty() && email.isEmpty() && active.isEmpty();
    }

    /** The names of what changes, for a log line: {@code displayName}, {@code email}, {@code active}. */
    public List<String> fields() {
        List<String> fields = new ArrayList<>();
        displayName.ifPresent(value -> fields.add("displayName"));
        email.ifPresent(value -> fields.add("email"));
        active.ifPresent(value -> fields.add("active"));
        return List.copyOf(fields);
    }

    /** {@code user}, as it is after these changes. */
    public HostUser applyTo(HostUser user) {
        return new HostUser(user.username(), displayName.orElse(user.displayName()), email.orElse(user.email()),
                active.orElse(user.active()));
    }
}
