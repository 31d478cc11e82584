package io.lanyard.sandbox.host;

import io.lanyard.core.host.AccountChanges;
import io.lanyard.core.host.AccountWrites;
import io.lanyard.core.host.GroupWrites;
import io.lanyard.core.host.HostDirectory;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.NewAccount;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The sandbox's directory with every write that succeeded told to a listener: what the directory sync's tests and
 * benchmark count ("writes only what changed") or journal (a directory that outlives a killed process).
 */
public final class ObservedWrites implements AccountWrites, GroupWrites {

    /** Hears each write after it succeeded: its kind and its values. */
    @FunctionalInterface
    public interface Listener {
        void written(Write kind, String... values);
    }

    /** The kinds of writes, with the values a listener gets. */
    public enum Write {
        /** username, display name, e-mail */
        CREATE,
        /** username, display name or "", e-mail or "", active or "" */
        UPDATE,
        /** username, attribute name */
        ATTRIBUTE,
        /** username, group */
        GROUP_CREATE,
        /** username, group */
        GROUP_ADD,
        /** username, group */
        GROUP_REMOVE
    }

    private final SandboxUserDirectory directory;
    private final Listener listener;

    public ObservedWrites(SandboxUserDirectory directory, Listener listener) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public SandboxUserDirectory directory() {
        return directory;
    }

    @Override
    public List<HostDirectory> writableDirectories() {
        return directory.writableDirectories();
    }

    @Override
    public HostUser create(NewAccount account) {
        HostUser user = directory.create(account);
        listener.written(Write.CREATE, account.username(), account.displayName(), account.email());
        return user;
    }

    @Override
    public HostUser update(String username, AccountChanges changes) {
        HostUser user = directory.update(username, changes);
        listener.written(Write.UPDATE, username, changes.displayName().orElse(""), changes.email().orElse(""),
                changes.active().map(String::valueOf).orElse(""));
        return user;
    }

    @Override
    public Set<String> attribute(String username, String name) {
        return directory.attribute(username, name);
    }

    @Override
    public void setAttribute(String username, String name, Set<String> values) {
        directory.setAttribute(username, name, values);
        listener.written(Write.ATTRIBUTE, username, name);
    }

    @Override
    public UserGroups of(String username) {
        UserGroups target = directory.of(username);
        return new UserGroups() {
            @Override
            public Set<String> direct() {
                return target.direct();
            }

            @Override
            public boolean exists(String group) {
                return target.exists(group);
            }

            @Override
            public void create(String group) {
                target.create(group);
                listener.written(Write.GROUP_CREATE, username, group);
            }

            @Override
            public void add(String group) {
                target.add(group);
                listener.written(Write.GROUP_ADD, username, group);
            }

            @Override
            public void remove(String group) {
                target.remove(group);
                listener.written(Write.GROUP_REMOVE, username, group);
            }
        };
    }
}
