package io.lanyard.sandbox.dirsync;

import io.lanyard.core.dirsync.DirectorySync;
import io.lanyard.core.host.AccountChanges;
import io.lanyard.core.host.NewAccount;
import io.lanyard.sandbox.host.ObservedWrites;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A host whose directory outlives the process: the sandbox's directory, with every write appended to a journal file
 * as it happens and replayed when the next process opens it. What a product's database is to a node killed with
 * {@code kill -9}: the writes done before the kill are there, the ones after are not.
 */
final class JournalHost implements AutoCloseable {

    final SandboxUserDirectory directory = new SandboxUserDirectory();
    private final BufferedWriter journal;
    private final ObservedWrites observed = new ObservedWrites(directory, this::log);

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
        return new DirectorySync.Host(directory, observed, observed);
    }

    private void replay(String[] f) {
        if (f.length < 2) {
            return; // a line the kill cut short
        }
        switch (ObservedWrites.Write.valueOf(f[0])) {
            case CREATE -> directory.create(new NewAccount(Optional.empty(), f[1], f[2], f[3]));
            case UPDATE -> directory.update(f[1], new AccountChanges(opt(f[2]), opt(f[3]),
                    opt(f[4]).map(Boolean::valueOf)));
            case GROUP_CREATE -> directory.of(f[1]).create(f[2]);
            case GROUP_ADD -> directory.of(f[1]).add(f[2]);
            case GROUP_REMOVE -> directory.of(f[1]).remove(f[2]);
            case ATTRIBUTE -> throw new IllegalStateException("the sync sets no attribute");
        }
    }

    private static Optional<String> opt(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private void log(ObservedWrites.Write kind, String... fields) {
        try {
            journal.write(kind.name());
            journal.write('\t');
            journal.write(String.join("\t", fields));
            journal.write('\n');
            journal.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }
}
