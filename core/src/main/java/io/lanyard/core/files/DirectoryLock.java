package io.lanyard.core.files;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock of one folder's files that holds across processes: every cluster node sharing the home takes it before it
 * reads, changes and writes Lanyard's configuration, so that no node writes a copy it read before another node's
 * change. Two parts, taken in this order: a lock within this JVM (one per folder, re-entrant), and an operating-system
 * lock on the file {@value #FILE_NAME} in the folder ({@link FileChannel#lock}), taken by the outermost holder only
 * (the JVM grants such a lock once per process, not per thread). The file itself holds nothing and stays.
 *
 * <p>Waits are bounded, so a node that hangs while it holds the lock cannot hold an administrator's request forever.
 */
public final class DirectoryLock {

    public static final String FILE_NAME = "config.lock";
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 20;
    private static final ConcurrentMap<Path, DirectoryLock> LOCKS = new ConcurrentHashMap<>();

    private final Path directory;
    private final ReentrantLock inThisJvm = new ReentrantLock();
    private final Duration maxWait;
    // guarded by inThisJvm, set while the outermost holder holds it
    private FileChannel channel;
    private FileLock acrossProcesses;

    private DirectoryLock(Path directory, Duration maxWait) {
        this.directory = directory;
        this.maxWait = maxWait;
    }

    /** The lock of {@code directory}: one per folder in this JVM, however the path is spelt. */
    public static DirectoryLock of(Path directory) {
        Path key = directory.toAbsolutePath().normalize();
        return LOCKS.computeIfAbsent(key, folder -> new DirectoryLock(folder, DEFAULT_WAIT));
    }

    /** A lock of its own, not shared with {@link #of}: for tests of the wait. */
    static DirectoryLock unshared(Path directory, Duration maxWait) {
        return new DirectoryLock(directory.toAbsolutePath().normalize(), maxWait);
    }

    /** What {@link #acquire()} gives: closing it releases the lock. */
    @FunctionalInterface
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes both parts, creating the folder and the lock file if needed.
     *
     * @throws LanyardException {@link ErrorCode#CONFIG_LOCK_UNAVAILABLE} when it is not free within the bound;
     *                          {@link ErrorCode#CONFIG_WRITE_FAILED} when the folder or the lock file cannot be created
     */
    public Held acquire() {
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            if (!inThisJvm.tryLock(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw unavailable("another request of this node holds it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting");
        }
        if (inThisJvm.getHoldCount() == 1) {
            try {
                lockAcrossProcesses(deadline);
            } catch (RuntimeException e) {
                inThisJvm.unlock();
                throw e;
            }
        }
        return this::release;
    }

    /** Whether this thread holds the lock (for the code that must be called under it). */
    public boolean isHeldByCurrentThread() {
        return inThisJvm.isHeldByCurrentThread();
    }

    private void lockAcrossProcesses(long deadline) {
        try {
            Files.createDirectories(directory);
            channel = open(directory.resolve(FILE_NAME));
            while (true) {
                try {
                    acrossProcesses = channel.tryLock();
                } catch (OverlappingFileLockException sameJvmOtherSpelling) {
                    acrossProcesses = null; // a path that reaches the same folder another way: wait for it too
                }
                if (acrossProcesses != null) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    closeChannel();
                    throw unavailable("another node has held it for more than " + maxWait.toSeconds() + " s");
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            // The folder or the file cannot be created or opened: nothing could be written there either.
            closeChannel();
            throw new LanyardException(ErrorCode.CONFIG_WRITE_FAILED, "cannot open the lock file "
                    + directory.resolve(FILE_NAME) + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeChannel();
            throw unavailable("interrupted while waiting");
        }
    }

    private static FileChannel open(Path file) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        return OwnerOnlyFiles.isPosix(file.getParent())
                ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(OwnerOnlyFiles.OWNER_READ_WRITE))
                : FileChannel.open(file, options);
    }

    private void release() {
        if (inThisJvm.getHoldCount() == 1) {
            try {
                if (acrossProcesses != null) {
                    acrossProcesses.release();
                }
            } catch (IOException e) {
                // Closing the channel below releases it as well.
            } finally {
                acrossProcesses = null;
                closeChannel();
            }
        }
        inThisJvm.unlock();
    }

    private void closeChannel() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing to do: the channel is gone either way, and with it the lock.
        } finally {
            channel = null;
        }
    }

    private LanyardException unavailable(String why) {
        return new LanyardException(ErrorCode.CONFIG_LOCK_UNAVAILABLE, "the configuration in " + directory
                + " cannot be changed now: " + why + "; nothing was changed, try again");
    }

    @Override
    public String toString() {
        return "DirectoryLock[" + directory + "]";
    }
}
