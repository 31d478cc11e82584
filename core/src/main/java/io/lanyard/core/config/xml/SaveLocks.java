package io.lanyard.core.config.xml;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per Lanyard folder, shared by every store that writes there ({@code provider.xml}, {@code connector.xml}),
 * so that two admin requests in this JVM never interleave their backups and renames.
 */
final class SaveLocks {

    private static final ConcurrentMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private SaveLocks() {
    }

    /** @param directory absolute and normalized, so that two spellings of one folder share a lock */
    static ReentrantLock forDirectory(Path directory) {
        return LOCKS.computeIfAbsent(directory, d -> new ReentrantLock());
    }
}
