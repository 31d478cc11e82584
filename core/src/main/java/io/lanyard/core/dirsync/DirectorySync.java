package io.lanyard.core.dirsync;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.entra.GraphClient;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.AccountWrites;
import io.lanyard.core.host.GroupWrites;
import io.lanyard.core.host.UserDirectory;
import io.lanyard.core.http.ProviderHttpClient;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory sync of Entra ID connectors (issue 20): one run reads the tenant's changes from Microsoft Graph
 * ({@link TenantRead}), plans every account's change ({@link SyncPlanner}), stops when it would deactivate more than
 * the safety share, applies the plan through the host's write ports ({@link SyncApplier}) and only then saves the new
 * state and delta links ({@link SyncStateFile}) and the run's report ({@link SyncReports}).
 *
 * <p>One run per connector in the cluster at a time: a file lock in the shared home ({@code sync.lock}, the same
 * mechanism as the configuration's lock across nodes) and, within this node, a map of running syncs; a second start is
 * {@code LNY-746}. Whatever stops a run (a node killed, Graph unreachable, a failed save) leaves the saved state and
 * delta links as they were, so the next run reads the same changes again and finishes what is missing; nobody is
 * deactivated on an incomplete read, because deactivations are planned only after the whole read. Thread-safe.
 */
public final class DirectorySync {

    private static final Logger LOG = LoggerFactory.getLogger(DirectorySync.class);
    private static final String LOCK_FILE = "sync.lock";
    private static final String LAST_RUN_FILE = "last-run";

    /** The host's side: lookups and the write ports of issue 13. */
    public record Host(UserDirectory directory, AccountWrites accounts, GroupWrites groups) {
        public Host {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(accounts, "accounts");
            Objects.requireNonNull(groups, "groups");
        }
    }

    /** What is asked of a run. */
    public record Request(SyncReport.Trigger trigger, String actor, boolean preview, boolean confirmDeactivations,
            boolean forceFull) {

        public static Request scheduled() {
            return new Request(SyncReport.Trigger.SCHEDULE, "scheduler", false, false, false);
        }

        public static Request syncNow(String actor, boolean confirmDeactivations) {
            return new Request(SyncReport.Trigger.MANUAL, actor, false, confirmDeactivations, false);
        }

        public static Request preview(String actor) {
            return new Request(SyncReport.Trigger.MANUAL, actor, true, false, false);
        }

        public Request full() {
            return new Request(trigger, actor, preview, confirmDeactivations, true);
        }
    }

    private final Path home;
    private final ProviderHttpClient http;
    private final GraphClient tokens;
    private final Host host;
    private final AuditSink audit;
    private final Clock clock;
    private final String node;
    private final GraphReader.Sleeper sleeper;
    private final Map<String, SyncProgress> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    /**
     * @param home   the folder in the shared home that holds a sub-folder per connector
     * @param http   Graph's reads (limits that allow a page of 999 users)
     * @param tokens the connectors' app-only tokens and Graph's address, as their "Test" reaches them
     */
    public DirectorySync(Path home, ProviderHttpClient http, GraphClient tokens, Host host, AuditSink audit,
            Clock clock, String node) {
        this(home, http, tokens, host, audit, clock, node, duration -> Thread.sleep(duration.toMillis()));
    }

    DirectorySync(Path home, ProviderHttpClient http, GraphClient tokens, Host host, AuditSink audit, Clock clock,
            String node, GraphReader.Sleeper sleeper) {
        this.home = Objects.requireNonNull(home, "home");
        this.http = Objects.requireNonNull(http, "http");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.host = Objects.requireNonNull(host, "host");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.node = Objects.requireNonNull(node, "node");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** For tests: waits of Graph's throttling go through {@code sleeper}. */
    public static DirectorySync withSleeper(DirectorySync sync, Sleeper sleeper) {
        return new DirectorySync(sync.home, sync.http, sync.tokens, sync.host, sync.audit, sync.clock, sync.node,
                sleeper::sleep);
    }

    /** Waits out a throttling answer. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * Runs the connector's sync now, on this thread.
     *
     * @return the run's report (also saved and audited), whatever the outcome
     * @throws LanyardException {@code LNY-746} when a run of this connector is going on (here or on another node),
     *         {@code LNY-752} when the connector is disabled
     */
    public SyncReport run(EntraConnectorConfig connector, Request request) {
        if (!connector.enabled()) {
            throw new LanyardException(ErrorCode.DIRSYNC_CONNECTOR_UNAVAILABLE,
                    "connector " + connector.id() + " is disabled");
        }
        String runId = UUID.randomUUID().toString().substring(0, 8);
        SyncProgress progress = new SyncProgress(connector.id(), runId, request.preview(), clock);
        if (running.putIfAbsent(connector.id(), progress) != null) {
            throw alreadyRunning(connector, "on this node");
        }
        try (ClusterWideLock lock = ClusterWideLock.take(directoryOf(connector).resolve(LOCK_FILE))) {
            if (lock == null) {
                throw alreadyRunning(connector, "on another node");
            }
            return runLocked(connector, request, progress);
        } finally {
            running.remove(connector.id());
        }
    }

    /** The run going on for this connector on this node, if any. */
    public Optional<SyncProgress.View> progress(String connectorId) {
        return Optional.ofNullable(running.get(connectorId)).map(SyncProgress::view);
    }

    /** The connector's last reports, newest first. */
    public List<SyncReport> reports(String connectorId) {
        return new SyncReports(home.resolve(connectorId)).list();
    }

    /** When the last run (not a preview) of the connector started, on any node. */
    public Optional<Instant> lastRunStarted(String connectorId) {
        try {
            Path file = home.resolve(connectorId).resolve(LAST_RUN_FILE);
            return Files.exists(file)
                    ? Optional.of(Instant.ofEpochMilli(Long.parseLong(Files.readString(file).strip())))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Asks every run of this node to stop at its next step (node shutting down). */
    public void stop() {
        stopping = true;
    }

    private SyncReport runLocked(EntraConnectorConfig connector, Request request, SyncProgress progress) {
        Path directory = directoryOf(connector);
        SyncStateFile stateFile = new SyncStateFile(directory);
        GraphReader graph = new GraphReader(http, tokens, connector, sleeper::sleep, () -> stopping, clock);
        Instant started = progress.started();
        RunResult result;
        if (!request.preview()) {
            writeLastRun(directory, started);
        }
        try {
            result = readPlanApply(connector, request, progress, stateFile, graph);
        } catch (LanyardException e) {
            LOG.error("Directory sync of connector {} failed ({}): {}", connector.id(), e.errorCode().code(),
                    e.getMessage());
            result = RunResult.failed(e);
        }
        progress.phase(SyncProgress.Phase.DONE);
        SyncReport report = report(connector, request, progress, graph, result);
        try {
            new SyncReports(directory).save(report);
        } catch (LanyardException e) {
            LOG.error("The report of directory sync run {} of connector {} cannot be saved ({}): {}", report.runId(),
                    connector.id(), e.errorCode().code(), e.getMessage());
        }
        audit.record(AuditEvent.of(AuditEventType.DIRECTORY_SYNC_RUN, clock.instant()).actor(request.actor())
                .integration(connector.id()).detail("outcome", report.outcome().name())
                .detail("mode", report.full() ? "full" : "delta").detail("preview", report.preview())
                .detail("counts", report.counts().asMap()).build());
        LOG.info("Directory sync of connector {} ({}{}): {} in {} s, {}", connector.id(), report.full() ? "full"
                : "delta", report.preview() ? ", preview" : "", report.outcome(), report.duration().toSeconds(),
                report.counts().asMap());
        return report;
    }

    private RunResult readPlanApply(EntraConnectorConfig connector, Request request, SyncProgress progress,
            SyncStateFile stateFile, GraphReader graph) {
        String fingerprint = SyncScope.fingerprint(connector.sync());
        SyncState saved = load(stateFile);
        TenantRead reader = new TenantRead(graph, connector, progress);
        TenantRead.Result read = null;
        if (!request.forceFull() && saved.canContinue(fingerprint)) {
            try {
                read = reader.delta(saved);
            } catch (GraphReader.DeltaExpiredException e) {
                LOG.warn("{}: the delta link of connector {} expired ({}): reading everything again",
                        ErrorCode.DIRSYNC_DELTA_EXPIRED.code(), connector.id(), e.getMessage());
                saved = load(stateFile);
            }
        }
        if (read == null) {
            read = reader.full(saved);
        }
        progress.phase(SyncProgress.Phase.PLANNING);
        SyncState state = read.state();
        SyncScope scope = new SyncScope(connector.sync(), read.assignedGroups(), read.filteredUsers());
        scope.index(state, read.removedGroups());
        SyncPlan plan = new SyncPlanner(scope, host.directory(), clock.instant()).plan(state, read.changedUsers(),
                progress);
        SyncApplier applier = new SyncApplier(scope, host.accounts(), host.groups(), audit, clock, connector.id(),
                () -> stopping);
        int base = state.syncedActiveUsers();
        long deactivations = plan.deactivations();
        boolean overShare = base > 0 && deactivations * 100 > (long) connector.sync().safetyStopPercent() * base;
        if (overShare && !request.confirmDeactivations() && !request.preview()) {
            return RunResult.safetyStop(read, plan, deactivations, base, connector.sync().safetyStopPercent());
        }
        progress.phase(SyncProgress.Phase.APPLYING);
        applier.apply(plan, state, progress, request.preview());
        if (!request.preview()) {
            progress.phase(SyncProgress.Phase.SAVING);
            state.scopeFingerprint = fingerprint;
            state.lastRunStarted = progress.started().toEpochMilli();
            stateFile.write(state);
        }
        return RunResult.done(read, plan, applier.tally);
    }

    private SyncState load(SyncStateFile stateFile) {
        try {
            return stateFile.read();
        } catch (LanyardException e) {
            LOG.warn("{}: {}; this run reads everything", e.errorCode().code(), e.getMessage());
            return new SyncState();
        }
    }

    private SyncReport report(EntraConnectorConfig connector, Request request, SyncProgress progress,
            GraphReader graph, RunResult result) {
        SyncProgress.View view = progress.view();
        SyncApplier.Tally tally = result.tally();
        SyncPlan plan = result.plan();
        SyncReport.Counts counts = new SyncReport.Counts(view.usersRead(), view.groupsRead(), tally.created,
                tally.updated, tally.deactivated, tally.reactivated, plan == null ? 0 : plan.pendingDeactivation,
                tally.membershipsAdded, tally.membershipsRemoved, tally.groupsCreated, tally.unchanged,
                plan == null ? 0 : plan.errorCount);
        Map<String, Duration> phases = new LinkedHashMap<>();
        progress.phaseDurations().forEach((phase, duration) -> phases.put(phase.name(), duration));
        SyncReport.Outcome outcome = result.outcome() != null ? result.outcome()
                : request.preview() ? SyncReport.Outcome.PREVIEWED : SyncReport.Outcome.SUCCEEDED;
        return new SyncReport(view.runId(), connector.id(), request.trigger(), request.actor(), node,
                request.preview(), result.read() != null && result.read().full(), outcome, progress.started(),
                clock.instant(), counts, phases, result.failure().map(LanyardException::errorCode),
                result.failure().map(LanyardException::getMessage), plan == null ? List.of() : plan.errors,
                tally.changes, graph.requests(), graph.throttled());
    }

    private Path directoryOf(EntraConnectorConfig connector) {
        Path directory = home.resolve(connector.id());
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new LanyardException(ErrorCode.DIRSYNC_STATE_WRITE_FAILED, "cannot create " + directory + ": "
                    + e.getMessage());
        }
        return directory;
    }

    private void writeLastRun(Path directory, Instant started) {
        try {
            Files.writeString(directory.resolve(LAST_RUN_FILE), Long.toString(started.toEpochMilli()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LanyardException(ErrorCode.DIRSYNC_STATE_WRITE_FAILED, "cannot write the start of a run to "
                    + directory + ": " + e.getMessage());
        }
    }

    private static LanyardException alreadyRunning(EntraConnectorConfig connector, String where) {
        return new LanyardException(ErrorCode.DIRSYNC_ALREADY_RUNNING, "a directory sync of connector "
                + connector.id() + " is running " + where);
    }

    /** How the read-plan-apply part ended. */
    private record RunResult(TenantRead.Result read, SyncPlan plan, SyncApplier.Tally tally,
            SyncReport.Outcome outcome, Optional<LanyardException> failure) {

        static RunResult done(TenantRead.Result read, SyncPlan plan, SyncApplier.Tally tally) {
            return new RunResult(read, plan, tally, null, Optional.empty());
        }

        static RunResult failed(LanyardException e) {
            return new RunResult(null, null, new SyncApplier.Tally(), SyncReport.Outcome.FAILED, Optional.of(e));
        }

        static RunResult safetyStop(TenantRead.Result read, SyncPlan plan, long deactivations, int base, int percent) {
            SyncApplier.Tally tally = new SyncApplier.Tally();
            tally.deactivated = deactivations;
            return new RunResult(read, plan, tally, SyncReport.Outcome.SAFETY_STOPPED, Optional.of(new LanyardException(
                    ErrorCode.DIRSYNC_SAFETY_STOP, "the run would deactivate " + deactivations + " of " + base
                    + " synced users, more than " + percent + " %: nothing was applied; an administrator may "
                    + "confirm with \"Sync now\" and \"Confirm deactivations\"")));
        }
    }

    /** The shared home's lock file of a connector, held with a {@link FileLock}: one run across nodes. */
    private static final class ClusterWideLock implements AutoCloseable {

        private final FileChannel channel;
        private final FileLock lock;

        private ClusterWideLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        /** The lock, or null when another process holds it. */
        static ClusterWideLock take(Path file) {
            FileChannel channel = null;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    return null;
                }
                return new ClusterWideLock(channel, lock);
            } catch (OverlappingFileLockException e) {
                closeQuietly(channel);
                return null;
            } catch (IOException e) {
                closeQuietly(channel);
                throw new LanyardException(ErrorCode.DIRSYNC_STATE_WRITE_FAILED, "cannot lock " + file + ": "
                        + e.getMessage());
            }
        }

        @Override
        public void close() {
            try {
                lock.release();
            } catch (IOException e) {
                LOG.warn("Cannot release the directory sync lock: {}", e.getMessage());
            }
            closeQuietly(channel);
        }

        private static void closeQuietly(FileChannel channel) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing after a failure: the failure is what is reported
                }
            }
        }
    }
}
