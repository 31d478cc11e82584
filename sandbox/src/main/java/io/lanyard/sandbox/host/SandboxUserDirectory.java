package io.lanyard.sandbox.host;

import io.lanyard.core.host.AccountDirectories;
import io.lanyard.core.host.GroupMembership;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.UserDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sandbox's fixed, in-memory user directory. Usernames compare case-insensitively, as in the Atlassian
 * products. Each local password equals the username: this is a sandbox, never a place for real accounts.
 */
public final class SandboxUserDirectory implements UserDirectory, GroupMembership, AccountDirectories {

    /** The one user directory of the sandbox, by the name a provider's ALLOWED_DIRECTORY would give. */
    public static final String DIRECTORY_NAME = "Sandbox Internal Directory";

    public static final String USERS_GROUP = "sandbox-users";
    public static final String ADMINISTRATORS_GROUP = "sandbox-administrators";

    /** What anyone without an account shows when they sign in at the built-in provider. */
    private static final DemoAccount ANYONE_ELSE =
            new DemoAccount("any other name", "no account here, refused with LNY-502");

    /**
     * A name to sign in with at the built-in provider and what it shows; the banner, the sign-in pages and the
     * README list these, the same way.
     */
    public record DemoAccount(String username, String shows) {
    }

    private final List<SandboxUser> users;
    private final Map<String, SandboxUser> usersByName;

    public SandboxUserDirectory() {
        this(List.of(
                user("alice", "Alice Anderson", true, false, USERS_GROUP),
                user("bob", "Bob Brown", true, false, USERS_GROUP),
                user("admin", "Sandbox Administrator", true, true, USERS_GROUP, ADMINISTRATORS_GROUP),
                user("carol", "Carol Clark", false, false, USERS_GROUP)));
    }

    SandboxUserDirectory(List<SandboxUser> users) {
        this.users = List.copyOf(users);
        this.usersByName = users.stream().collect(Collectors.toUnmodifiableMap(u -> key(u.username()), Function.identity()));
    }

    private static SandboxUser user(String username, String displayName, boolean active, boolean administrator,
            String... groups) {
        return new SandboxUser(new HostUser(username, displayName, username + "@example.com", active),
                Set.of(groups), administrator);
    }

    @Override
    public Optional<HostUser> findByUsername(String username) {
        return account(username).map(SandboxUser::user);
    }

    @Override
    public List<HostUser> findByEmail(String email) {
        if (email == null) {
            return List.of();
        }
        return usersByName.values().stream()
                .map(SandboxUser::user)
                .filter(user -> user.email().equalsIgnoreCase(email))
                .toList();
    }

    /** The full account, with groups and the administrator flag. */
    public Optional<SandboxUser> account(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(usersByName.get(key(username)));
    }

    @Override
    public boolean isSystemAdministrator(String username) {
        return account(username).filter(account -> account.user().active()).map(SandboxUser::systemAdministrator)
                .orElse(false);
    }

    @Override
    public boolean isMember(String username, String group) {
        return account(username).map(account -> account.groups().contains(group)).orElse(false);
    }

    @Override
    public Optional<String> directoryOf(String username) {
        return account(username).map(account -> DIRECTORY_NAME);
    }

    /** The native (non-SSO) login check: an active account whose password, in the sandbox, is its username. */
    public Optional<HostUser> authenticate(String username, String password) {
        return findByUsername(username)
                .filter(HostUser::active)
                .filter(user -> user.username().equals(password));
    }

    /** Every account, in the directory's order, then anyone else: what signing in as each shows. */
    public List<DemoAccount> demoAccounts() {
        List<DemoAccount> accounts = new ArrayList<>();
        for (SandboxUser account : users) {
            accounts.add(new DemoAccount(account.username(), shows(account)));
        }
        accounts.add(ANYONE_ELSE);
        return List.copyOf(accounts);
    }

    private static String shows(SandboxUser account) {
        if (!account.user().active()) {
            return "a deactivated account, refused with LNY-504";
        }
        return account.systemAdministrator()
                ? "a system administrator, who can open Lanyard's administration"
                : "an ordinary user";
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
