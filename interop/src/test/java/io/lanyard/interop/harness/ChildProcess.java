package io.lanyard.interop.harness;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A process the tests start (an identity provider), with its output in a log file. It is always stopped: by
 * {@link #close()}, and by a JVM shutdown hook when the test run ends any other way. Stopping ends the whole process
 * tree (Keycloak's {@code kc.sh} runs Java as a child): politely first, then forcibly.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration POLITE_STOP = Duration.ofSeconds(30);
    private static final Set<ChildProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ChildProcess::close),
                "interop-stop-child-processes"));
    }

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * @param environment added to this JVM's environment; may carry secrets for the provider, never printed
     */
    public static ChildProcess start(String name, List<String> command, Path workingDirectory,
            Map<String, String> environment, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        ChildProcess child = new ChildProcess(name, builder.start(), log);
        RUNNING.add(child);
        return child;
    }

    /**
     * Polls {@code ready} until it holds, the process ends, or the timeout passes.
     *
     * @throws IllegalStateException naming the process, with the end of its log, when it did not get ready
     */
    public void awaitReady(Duration timeout, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended with exit code " + process.exitValue()
                        + " before it was ready; end of " + log + ":\n" + logTail(40));
            }
            if (Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; end of "
                        + log + ":\n" + logTail(40));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** The last lines of the log (for failure messages). */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops the process and everything it started; waits for them. Safe to call more than once. */
    @Override
    public void close() {
        if (!RUNNING.remove(this) && !process.isAlive()) {
            return;
        }
        // taken before stopping: once the parent ends, its children are no longer its descendants
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!awaitExit(tree, POLITE_STOP)) {
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            awaitExit(tree, Duration.ofSeconds(10));
        }
    }

    private boolean awaitExit(List<ProcessHandle> tree, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
            for (ProcessHandle member : tree) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (member.isAlive() && (left <= 0 || !waitFor(member, left))) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean waitFor(ProcessHandle member, long millis) throws InterruptedException {
        try {
            member.onExit().get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
