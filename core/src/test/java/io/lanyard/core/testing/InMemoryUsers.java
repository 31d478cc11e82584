package io.lanyard.core.testing;

import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.UserDirectory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A user directory for core tests. */
public final class InMemoryUsers implements UserDirectory {

    private final Map<String, HostUser> users = new ConcurrentHashMap<>();

    public InMemoryUsers with(HostUser user) {
        users.put(user.username(), user);
        return this;
    }

    public static InMemoryUsers standard() {
        return new InMemoryUsers()
                .with(new HostUser("alice", "Alice Anderson", "alice@example.com", true))
                .with(new HostUser("bob", "Bob Brown", "bob@example.com", true))
                .with(new HostUser("carol", "Carol Clark", "carol@example.com", false));
    }

    @Override
    public Optional<HostUser> findByUsername(String username) {
        return Optional.ofNullable(users.get(username));
    }

    @Override
    public List<HostUser> findByEmail(String email) {
        return users.values().stream().filter(u -> u.email().toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT)))
                .toList();
    }
}
