package io.lanyard.sandbox.host;

import io.lanyard.core.host.AccountDirectories;
import io.lanyard.core.host.GroupMembership;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.AccountChanges;
import io.lanyard.core.host.AccountWrites;
import io.lanyard.core.host.GroupWrites;
import io.lanyard.core.host.HostDirectory;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.NewAccount;
import io.lanyard.core.host.UserDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sandbox's in-memory user directory, with the writes a product's directory takes: accounts created in its one
 * directory, updated, (de)activated, user attributes, groups and memberships. It starts with the demo accounts and
 * groups; what logins add lives until the sandbox stops. Usernames and group names compare case-insensitively, as in
 * the Atlassian products. Each local password equals the username: this is a sandbox, never a place for real accounts.
 * Thread-safe (one lock: a sandbox serves a handful of people).
 */
public final class SandboxUserDirectory
        implements UserDirectory, GroupMembership, AccountDirectories, AccountWrites, GroupWrites {

    /** The product-access group: only its members may use the sandbox through single sign-on (as a licence). */
    public static final String USERS_GROUP = "sandbox-users";
    public static final String ADMINISTRATORS_GROUP = "sandbox-administrators";
    /** The group the sandbox's provider maps the provider group {@code engineering} to. */
    public static final String DEVELOPERS_GROUP = "sandbox-developers";
    /** The one directory, where new accounts go. */
    public static final String DIRECTORY = "Sandbox Internal Directory";

    /** What anyone without an account shows when they sign in at the built-in provider. */
    private static final DemoAccount ANYONE_ELSE = new DemoAccount("any other name, e.g. dave",
            "no account yet: created at the first sign-in, with the groups typed there (engineering: "
                    + DEVELOPERS_GROUP + ")");

    /**
     * A name to sign in with at the built-in provider and what it shows; the banner, the sign-in pages and the
     * README list these, the same way.
     */
    public record DemoAccount(String username, String shows) {
    }

    private static final List<SandboxUser> DEMO_USERS = List.of(
            user("alice", "Alice Anderson", true, false, USERS_GROUP),
            user("bob", "Bob Brown", true, false, USERS_GROUP),
            user("admin", "Sandbox Administrator", true, true, USERS_GROUP, ADMINISTRATORS_GROUP),
            user("carol", "Carol Clark", false, false, USERS_GROUP));

    private final Map<String, SandboxUser> users = new LinkedHashMap<>();
    private final java.util.NavigableSet<String> groups = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, Map<String, Set<String>>> attributes = new LinkedHashMap<>();

    public SandboxUserDirectory() {
        this(DEMO_USERS);
    }

    SandboxUserDirectory(List<SandboxUser> initial) {
        groups.addAll(List.of(USERS_GROUP, ADMINISTRATORS_GROUP, DEVELOPERS_GROUP));
        for (SandboxUser user : initial) {
            users.put(key(user.username()), user);
            groups.addAll(user.groups());
        }
    }

    private static SandboxUser user(String username, String displayName, boolean active, boolean administrator,
            String... groups) {
        return new SandboxUser(new HostUser(username, displayName, username + "@example.com", active),
                Set.of(groups), administrator);
    }

    @Override
    public synchronized Optional<HostUser> findByUsername(String username) {
        return account(username).map(SandboxUser::user);
    }

    @Override
    public synchronized List<HostUser> findByEmail(String email) {
        if (email == null) {
            return List.of();
        }
        return users.values().stream().map(SandboxUser::user).filter(user -> user.email().equalsIgnoreCase(email))
                .toList();
    }

    /** The full account, with groups and the administrator flag. */
    public synchronized Optional<SandboxUser> account(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(users.get(key(username)));
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
        return account(username).map(account -> DIRECTORY);
    }

    /** The native (non-SSO) login check: an active account whose password, in the sandbox, is its username. */
    public synchronized Optional<HostUser> authenticate(String username, String password) {
        return findByUsername(username)
                .filter(HostUser::active)
                .filter(user -> user.username().equals(password));
    }

    /** Whether the account may use the sandbox: the sandbox's {@code canLogin}, membership of {@value #USERS_GROUP}. */
    public synchronized boolean mayUseTheSandbox(String username) {
        return account(username).filter(account -> account.user().active())
                .map(account -> account.groups().stream().anyMatch(USERS_GROUP::equalsIgnoreCase)).orElse(false);
    }

    /** The display name of a demo account, what the built-in provider says of its person too. */
    public static Optional<String> demoDisplayName(String username) {
        return DEMO_USERS.stream().filter(user -> user.username().equalsIgnoreCase(username))
                .map(user -> user.user().displayName()).findFirst();
    }

    /** Every demo account, in the directory's order, then anyone else: what signing in as each shows. */
    public List<DemoAccount> demoAccounts() {
        List<DemoAccount> accounts = new ArrayList<>();
        for (SandboxUser account : DEMO_USERS) {
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

    // --- AccountWrites ---

    @Override
    public List<HostDirectory> writableDirectories() {
        return List.of(new HostDirectory("1", DIRECTORY));
    }

    @Override
    public synchronized HostUser create(NewAccount account) {
        if (account.directory().isPresent() && !account.directory().get().equalsIgnoreCase(DIRECTORY)) {
            throw new LanyardException(ErrorCode.HOST_DIRECTORY_UNAVAILABLE, "the sandbox has no directory \""
                    + account.directory().get() + "\", only \"" + DIRECTORY + "\"");
        }
        if (users.containsKey(key(account.username()))) {
            throw new LanyardException(ErrorCode.HOST_ACCOUNT_CREATE_FAILED, "the sandbox has a user "
                    + account.username() + " already");
        }
        HostUser user = new HostUser(account.username(), account.displayName(), account.email(), true);
        users.put(key(user.username()), new SandboxUser(user, Set.of(), false));
        return user;
    }

    @Override
    public synchronized HostUser update(String username, AccountChanges changes) {
        SandboxUser account = existing(username, ErrorCode.HOST_ACCOUNT_UPDATE_FAILED);
        HostUser updated = changes.applyTo(account.user());
        users.put(key(username), new SandboxUser(updated, account.groups(), account.systemAdministrator()));
        return updated;
    }

    @Override
    public synchronized Set<String> attribute(String username, String name) {
        existing(username, ErrorCode.HOST_USER_ATTRIBUTE_FAILED);
        return Set.copyOf(attributes.getOrDefault(key(username), Map.of()).getOrDefault(name, Set.of()));
    }

    @Override
    public synchronized void setAttribute(String username, String name, Set<String> values) {
        existing(username, ErrorCode.HOST_USER_ATTRIBUTE_FAILED);
        attributes.computeIfAbsent(key(username), k -> new LinkedHashMap<>()).put(name, new LinkedHashSet<>(values));
    }

    // --- GroupWrites ---

    @Override
    public synchronized UserGroups of(String username) {
        existing(username, ErrorCode.HOST_GROUPS_UNREADABLE);
        return new Memberships(username);
    }

    /** Adds a membership the way the sandbox's own administration would (a "local" group Lanyard does not manage). */
    public synchronized void addLocalMembership(String username, String group) {
        groups.add(group);
        of(username).add(group);
    }

    /** One user's memberships, read and written under the directory's lock. */
    private final class Memberships implements UserGroups {

        private final String username;

        Memberships(String username) {
            this.username = username;
        }

        @Override
        public Set<String> direct() {
            synchronized (SandboxUserDirectory.this) {
                return new LinkedHashSet<>(existing(username, ErrorCode.HOST_GROUPS_UNREADABLE).groups());
            }
        }

        @Override
        public boolean exists(String group) {
            synchronized (SandboxUserDirectory.this) {
                return groups.contains(group);
            }
        }

        @Override
        public void create(String group) {
            synchronized (SandboxUserDirectory.this) {
                if (!groups.add(group)) {
                    throw new LanyardException(ErrorCode.HOST_GROUP_CREATE_FAILED, "group " + group + " exists");
                }
            }
        }

        @Override
        public void add(String group) {
            synchronized (SandboxUserDirectory.this) {
                if (!groups.contains(group)) {
                    throw new LanyardException(ErrorCode.HOST_MEMBERSHIP_CHANGE_FAILED, "no group " + group);
                }
                change(group, true);
            }
        }

        @Override
        public void remove(String group) {
            synchronized (SandboxUserDirectory.this) {
                change(group, false);
            }
        }

        private void change(String group, boolean member) {
            SandboxUser account = existing(username, ErrorCode.HOST_MEMBERSHIP_CHANGE_FAILED);
            Set<String> next = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            next.addAll(account.groups());
            if (member) {
                // The group's name as it was created: the set compares without case, floor finds the equal one.
                String existing = groups.floor(group);
                next.add(existing != null && existing.equalsIgnoreCase(group) ? existing : group);
            } else {
                next.remove(group);
            }
            users.put(key(username), new SandboxUser(account.user(), next, account.systemAdministrator()));
        }
    }

    private SandboxUser existing(String username, ErrorCode code) {
        SandboxUser account = users.get(key(username));
        if (account == null) {
            throw new LanyardException(code, "the sandbox has no user " + username);
        }
        return account;
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
