package io.lanyard.core.testing;

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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A host for core tests with every port provisioning uses: users (case-insensitive names), a writable directory,
 * user attributes and group memberships, each write recorded in {@link #writes} so a test can assert that nothing (or
 * exactly what) was written, and failures injected with {@link #failWhen}.
 */
public final class InMemoryHost implements UserDirectory, AccountWrites, GroupWrites {

    public static final String DIRECTORY = "Internal Directory";

    private final Map<String, HostUser> users = new LinkedHashMap<>();
    private final Map<String, String> directories = new LinkedHashMap<>();
    private final Map<String, Map<String, Set<String>>> attributes = new LinkedHashMap<>();
    private final Map<String, Set<String>> memberships = new LinkedHashMap<>();
    private final Set<String> groups = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    /** Every write, as {@code create dave}, {@code add dave to g}, ... in order. */
    public final List<String> writes = new CopyOnWriteArrayList<>();
    /** Every group read, as {@code direct dave}, {@code exists g}. */
    public final List<String> reads = new CopyOnWriteArrayList<>();
    private volatile Predicate<String> failing = write -> false;

    public InMemoryHost() {
        directories.put(key(DIRECTORY), DIRECTORY);
    }

    public static InMemoryHost standard() {
        return new InMemoryHost()
                .with(new HostUser("alice", "Alice Anderson", "alice@example.com", true), "jira-users", "local-team")
                .with(new HostUser("bob", "Bob Brown", "bob@example.com", true), "jira-users")
                .with(new HostUser("carol", "Carol Clark", "carol@example.com", false), "jira-users");
    }

    public synchronized InMemoryHost with(HostUser user, String... groupNames) {
        users.put(key(user.username()), user);
        Set<String> of = memberships.computeIfAbsent(key(user.username()), k -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER));
        for (String group : groupNames) {
            groups.add(group);
            of.add(group);
        }
        return this;
    }

    public synchronized InMemoryHost withGroups(String... names) {
        groups.addAll(List.of(names));
        return this;
    }

    /** Writes (as recorded in {@link #writes}) that match fail with the code of their operation. */
    public InMemoryHost failWhen(Predicate<String> write) {
        this.failing = write;
        return this;
    }

    public synchronized Optional<HostUser> user(String username) {
        return Optional.ofNullable(users.get(key(username)));
    }

    public synchronized Set<String> groupsOf(String username) {
        return Collections.unmodifiableSet(new TreeSet<>(memberships.getOrDefault(key(username), Set.of())));
    }

    public synchronized Set<String> attributeOf(String username, String name) {
        return Set.copyOf(attributes.getOrDefault(key(username), Map.of()).getOrDefault(name, Set.of()));
    }

    public synchronized boolean hasGroup(String name) {
        return groups.contains(name);
    }

    @Override
    public synchronized Optional<HostUser> findByUsername(String username) {
        return user(username);
    }

    @Override
    public synchronized List<HostUser> findByEmail(String email) {
        return users.values().stream().filter(u -> u.email().equalsIgnoreCase(email)).toList();
    }

    @Override
    public synchronized List<HostDirectory> writableDirectories() {
        return directories.values().stream().map(name -> new HostDirectory(key(name), name)).toList();
    }

    @Override
    public synchronized HostUser create(NewAccount account) {
        String directory = account.directory().orElse(DIRECTORY);
        if (!directories.containsKey(key(directory))) {
            throw new LanyardException(ErrorCode.HOST_DIRECTORY_UNAVAILABLE, "no writable directory " + directory);
        }
        write("create " + account.username(), ErrorCode.HOST_ACCOUNT_CREATE_FAILED);
        HostUser user = new HostUser(account.username(), account.displayName(), account.email(), true);
        users.put(key(user.username()), user);
        memberships.put(key(user.username()), new TreeSet<>(String.CASE_INSENSITIVE_ORDER));
        return user;
    }

    @Override
    public synchronized HostUser update(String username, AccountChanges changes) {
        write("update " + username + " " + String.join(",", changes.fields()), ErrorCode.HOST_ACCOUNT_UPDATE_FAILED);
        HostUser updated = changes.applyTo(existing(username, ErrorCode.HOST_ACCOUNT_UPDATE_FAILED));
        users.put(key(username), updated);
        return updated;
    }

    @Override
    public synchronized Set<String> attribute(String username, String name) {
        existing(username, ErrorCode.HOST_USER_ATTRIBUTE_FAILED);
        if (failing.test("read attribute " + username)) {
            throw new LanyardException(ErrorCode.HOST_USER_ATTRIBUTE_FAILED, "injected failure");
        }
        return attributeOf(username, name);
    }

    @Override
    public synchronized void setAttribute(String username, String name, Set<String> values) {
        existing(username, ErrorCode.HOST_USER_ATTRIBUTE_FAILED);
        write("set attribute " + username + " " + name, ErrorCode.HOST_USER_ATTRIBUTE_FAILED);
        attributes.computeIfAbsent(key(username), k -> new LinkedHashMap<>()).put(name, new LinkedHashSet<>(values));
    }

    @Override
    public synchronized UserGroups of(String username) {
        existing(username, ErrorCode.HOST_GROUPS_UNREADABLE);
        return new UserGroups() {
            @Override
            public Set<String> direct() {
                synchronized (InMemoryHost.this) {
                    reads.add("direct " + username);
                    return new LinkedHashSet<>(memberships.get(key(username)));
                }
            }

            @Override
            public boolean exists(String group) {
                synchronized (InMemoryHost.this) {
                    reads.add("exists " + group);
                    return groups.contains(group);
                }
            }

            @Override
            public void create(String group) {
                synchronized (InMemoryHost.this) {
                    write("create group " + group, ErrorCode.HOST_GROUP_CREATE_FAILED);
                    groups.add(group);
                }
            }

            @Override
            public void add(String group) {
                synchronized (InMemoryHost.this) {
                    write("add " + username + " to " + group, ErrorCode.HOST_MEMBERSHIP_CHANGE_FAILED);
                    if (!groups.contains(group)) {
                        throw new LanyardException(ErrorCode.HOST_MEMBERSHIP_CHANGE_FAILED, "no group " + group);
                    }
                    memberships.get(key(username)).add(group);
                }
            }

            @Override
            public void remove(String group) {
                synchronized (InMemoryHost.this) {
                    write("remove " + username + " from " + group, ErrorCode.HOST_MEMBERSHIP_CHANGE_FAILED);
                    memberships.get(key(username)).remove(group);
                }
            }
        };
    }

    /** Only writes and the group reads, not the user lookups. */
    public List<String> writesAndGroupReads() {
        List<String> all = new ArrayList<>(reads);
        all.addAll(writes);
        return all;
    }

    private HostUser existing(String username, ErrorCode code) {
        HostUser user = users.get(key(username));
        if (user == null) {
            throw new LanyardException(code, "no user " + username);
        }
        return user;
    }

    private void write(String what, ErrorCode code) {
        if (failing.test(what)) {
            throw new LanyardException(code, "injected failure: " + what);
        }
        writes.add(what);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
