package io.lanyard.sandbox.host;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.AccountChanges;
import io.lanyard.core.host.AccountWrites;
import io.lanyard.core.host.HostDirectory;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.NewAccount;
import io.lanyard.core.host.UserDirectory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox's accounts as API access sees them: the demo directory plus the service accounts Lanyard creates in
 * memory (e.g. {@code sandbox-bot} on the first call with the sandbox's client-credentials token), with their
 * attributes. The host write port of issue 13 in its smallest form, for service accounts only.
 */
public final class SandboxServiceAccounts implements UserDirectory, AccountWrites {

    private static final HostDirectory DIRECTORY = new HostDirectory("sandbox", "Sandbox Internal Directory");

    private final UserDirectory demo;
    private final Map<String, HostUser> created = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Set<String>>> attributes = new ConcurrentHashMap<>();

    public SandboxServiceAccounts(UserDirectory demo) {
        this.demo = demo;
    }

    @Override
    public Optional<HostUser> findByUsername(String username) {
        HostUser user = created.get(username);
        return user != null ? Optional.of(user) : demo.findByUsername(username);
    }

    @Override
    public List<HostUser> findByEmail(String email) {
        return demo.findByEmail(email);
    }

    @Override
    public List<HostDirectory> writableDirectories() {
        return List.of(DIRECTORY);
    }

    @Override
    public synchronized HostUser create(NewAccount account) {
        if (account.directory().isPresent() && !account.directory().get().equals(DIRECTORY.name())) {
            throw new LanyardException(ErrorCode.HOST_DIRECTORY_UNAVAILABLE, "the sandbox has one directory, "
                    + DIRECTORY.name());
        }
        if (findByUsername(account.username()).isPresent()) {
            throw new LanyardException(ErrorCode.HOST_ACCOUNT_CREATE_FAILED, account.username() + " exists");
        }
        HostUser user = new HostUser(account.username(), account.displayName(), account.email(), true);
        created.put(user.username(), user);
        return user;
    }

    @Override
    public HostUser update(String username, AccountChanges changes) {
        throw new LanyardException(ErrorCode.HOST_ACCOUNT_UPDATE_FAILED, "service accounts are not updated");
    }

    @Override
    public Set<String> attribute(String username, String name) {
        return attributes.getOrDefault(username, Map.of()).getOrDefault(name, Set.of());
    }

    @Override
    public void setAttribute(String username, String name, Set<String> values) {
        attributes.computeIfAbsent(username, key -> new ConcurrentHashMap<>()).put(name, Set.copyOf(values));
    }
}
