package io.lanyard.sandbox.dirsync;

import io.lanyard.core.config.DirectorySyncSettings;
import io.lanyard.core.config.DirectorySyncSettings.GroupScope;
import io.lanyard.core.dirsync.DirectorySync;
import io.lanyard.core.secret.Secret;
import io.lanyard.sandbox.graph.StandInDirectorySync;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A node that runs one sync and may be killed while it does: {@code <home> <stand-in URL> <journal> <secret>}. The
 * kill -9 test starts it in a JVM of its own.
 */
public final class DirectorySyncChild {

    private DirectorySyncChild() {
    }

    static DirectorySyncSettings settings() {
        return DirectorySyncSettings.builder().enabled(true).groups(GroupScope.NAME_PATTERN).groupNamePattern(".*")
                .usernamePattern("(.*)@.*").build();
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        try (JournalHost host = new JournalHost(Path.of(args[2]))) {
            DirectorySync sync = StandInDirectorySync.create(home, URI.create(args[1]), host.host(), event -> { },
                    Clock.systemUTC());
            System.out.println(sync.run(StandInDirectorySync.connector(Secret.of(args[3]), settings()),
                    DirectorySync.Request.syncNow("child", false)).outcome());
        }
    }
}
