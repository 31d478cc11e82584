package io.lanyard.sandbox.dirsync;

import io.lanyard.core.dirsync.DirectorySync;
import io.lanyard.sandbox.host.ObservedWrites;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import java.util.concurrent.atomic.AtomicLong;

/** The sandbox's directory, counting the writes that reach it: a sync must write only what changed. */
final class CountingHost {

    final SandboxUserDirectory directory;
    final AtomicLong writes = new AtomicLong();
    private final ObservedWrites observed;

    CountingHost(SandboxUserDirectory directory) {
        this.directory = directory;
        this.observed = new ObservedWrites(directory, (kind, values) -> writes.incrementAndGet());
    }

    DirectorySync.Host host() {
        return new DirectorySync.Host(directory, observed, observed);
    }
}
