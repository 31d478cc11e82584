package io.lanyard.sandbox.dirsync;

import io.lanyard.core.dirsync.DirectorySync;
import io.lanyard.core.host.AccountChanges;
import io.lanyard.core.host.AccountWrites;
import io.lanyard.core.host.GroupWrites;
import io.lanyard.core.host.HostDirectory;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.NewAccount;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** The sandbox's directory, counting the writes that reach it: a sync must write only what changed. */
final class CountingHost implements AccountWrites, GroupWrites {

    final SandboxUserDirectory directory;
    final AtomicLong writes = new AtomicLong();

    CountingHost(SandboxUserDirectory directory) {
        this.directory = directory;
    }

    DirectorySync.Host host() {
        return new DirectorySync.Host(directory, this, this);
    }

    @Override
    public List<HostDirectory> writableDirectories() {
        return directory.writableDirectories();
    }

    @Override
    public HostUser create(NewAccount account) {
        writes.incrementAndGet();
        return directory.create(account);
    }

    @Override
    public HostUser update(String username, AccountChanges changes) {
        writes.incrementAndGet();
        return directory.update(username, changes);
    }

    @Override
    public Set<String> attribute(String username, String name) {
        return directory.attribute(username, name);
    }

    @Override
    public void setAttribute(String username, String name, Set<String> values) {
        writes.incrementAndGet();
        directory.setAttribute(username, name, values);
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
                writes.incrementAndGet();
                target.create(group);
            }

            @Override
            public void add(String group) {
                writes.incrementAndGet();
                target.add(group);
            }

            @Override
            public void remove(String group) {
                writes.incrementAndGet();
                target.remove(group);
            }
        };
    }
}
