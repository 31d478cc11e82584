package io.lanyard.sandbox.dirsync;

import io.lanyard.core.dirsync.DirectorySync;
import io.lanyard.core.host.AccountChanges;
import io.lanyard.core.host.AccountWrites;
import io.lanyard.core.host.GroupWrites;
import io.lanyard.core.host.HostDirectory;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.NewAccount;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A host whose directory outlives the process: the sandbox's directory, with every write appended to a journal file
 * as it happens and replayed when the next process opens it. What a product's database is to a node killed with
 * {@code kill -9}: the writes done before the kill are there, the ones after are not.
 */
final class JournalHost implements AccountWrites, GroupWrites, AutoCloseable {

    final SandboxUserDirectory directory = new SandboxUserDirectory();
    private final BufferedWriter journal;

    JournalHost(Path file) throws IOException {
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                replay(line.split("\t", -1));
            }
        }
        journal = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    DirectorySync.Host host() {
        return new DirectorySync.Host(directory, this, this);
    }

    private void replay(String[] f) {
        if (f.length < 2) {
            return; // a line the kill cut short
        }
        switch (f[0]) {
            case "C" -> directory.create(new NewAccount(Optional.empty(), f[1], f[2], f[3]));
            case "U" -> directory.update(f[1], new AccountChanges(opt(f[2]), opt(f[3]),
                    opt(f[4]).map(Boolean::valueOf)));
            case "GC" -> directory.of(f[1]).create(f[2]);
            case "GA" -> directory.of(f[1]).add(f[2]);
            case "GR" -> directory.of(f[1]).remove(f[2]);
            default -> throw new IllegalStateException(f[0]);
        }
    }

    private static Optional<String> opt(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private void log(String... fields) {
        try {
            journal.write(String.join("\t", fields));
            journal.write('\n');
            journal.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<HostDirectory> writableDirectories() {
        return directory.writableDirectories();
    }

    @Override
    public HostUser create(NewAccount account) {
        HostUser user = directory.create(account);
        log("C", account.username(), account.displayName(), account.email());
        return user;
    }

    @Override
    public HostUser update(String username, AccountChanges changes) {
        HostUser user = directory.update(username, changes);
        log("U", username, changes.displayName().orElse(""), changes.email().orElse(""),
                changes.active().map(String::valueOf).orElse(""));
        return user;
    }

    @Override
    public Set<String> attribute(String username, String name) {
        return directory.attribute(username, name);
    }

    @Override
    public void setAttribute(String username, String name, Set<String> values) {
        throw new UnsupportedOperationException("the sync sets no attribute");
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
                log("GC", username, group);
            }

            @Override
            public void add(String group) {
                target.add(group);
                log("GA", username, group);
            }

            @Override
            public void remove(String group) {
                target.remove(group);
                log("GR", username, group);
            }
        };
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }
}
