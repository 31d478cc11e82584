package io.lanyard.plugin.dirsync;

import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.dirsync.DirectorySync;
import io.lanyard.core.dirsync.SyncProgress;
import io.lanyard.core.dirsync.SyncReport;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.http.HttpLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connectors' directory syncs on this node: the schedule (every minute, each connector whose sync is on and whose
 * interval has passed since its last run on any node, as the shared home says), "Sync now" and "Preview" from the
 * admin pages, on threads of their own so that no request of the host waits for Graph. The cluster-wide lock of
 * {@link DirectorySync} keeps a run on one node at a time; a node that finds the lock taken leaves the run to the
 * other. {@link #close()} asks running syncs to stop at their next step (the next run resumes).
 */
public final class DirectorySyncs implements AutoCloseable {

    /** Graph's sync answers (a page of 999 users; a page of groups with members) are larger than a login's. */
    public static final HttpLimits GRAPH_LIMITS = new HttpLimits(Duration.ofSeconds(5), Duration.ofSeconds(60),
            16 * 1024 * 1024);
    static final Duration TICK = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(DirectorySyncs.class);

    private final ConfigurationHolder configuration;
    private final Optional<DirectorySync> sync;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    /** Connectors whose manual run is queued or running: a second "Sync now" is refused, not queued behind. */
    private final java.util.Set<String> started = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param sync empty when the application reports no home (nowhere to keep the state): every request is
     *             {@code LNY-752}
     */
    public DirectorySyncs(ConfigurationHolder configuration, Optional<DirectorySync> sync, Clock clock) {
        this.configuration = configuration;
        this.sync = sync;
        this.clock = clock;
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, runnable -> {
            Thread thread = new Thread(runnable, "lanyard-directory-sync");
            thread.setDaemon(true);
            return thread;
        });
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.executor = pool;
    }

    /** Starts the schedule's check, every minute. */
    public DirectorySyncs startSchedule() {
        if (sync.isPresent()) {
            executor.scheduleWithFixedDelay(this::runDue, TICK.toSeconds(), TICK.toSeconds(), TimeUnit.SECONDS);
        }
        return this;
    }

    /**
     * Starts a run of the connector on a thread of its own.
     *
     * @throws LanyardException {@code LNY-746} when one is running on this node, {@code LNY-752} when the connector
     *         is unknown or disabled or the sync has nowhere to keep its state
     */
    public void start(String connectorId, DirectorySync.Request request) {
        DirectorySync directorySync = available();
        EntraConnectorConfig connector = connector(connectorId);
        if (directorySync.progress(connectorId).isPresent() || !started.add(connectorId)) {
            throw new LanyardException(ErrorCode.DIRSYNC_ALREADY_RUNNING, "a directory sync of connector "
                    + connectorId + " is running on this node");
        }
        try {
            executor.execute(() -> {
                try {
                    runQuietly(directorySync, connector, request);
                } finally {
                    started.remove(connectorId);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            started.remove(connectorId);
            throw new LanyardException(ErrorCode.DIRSYNC_INTERRUPTED, "the node is stopping: no new sync");
        }
    }

    /** Without a home folder: every request is {@code LNY-752}. */
    public static DirectorySyncs none() {
        return new DirectorySyncs(new ConfigurationHolder(io.lanyard.core.config.LanyardConfiguration.empty()),
                Optional.empty(), Clock.systemUTC());
    }

    /** The run going on, if any, and the last reports of every node, newest first. */
    public Status status(String connectorId) {
        DirectorySync directorySync = available();
        if (configuration.current().find(IntegrationKind.ENTRA_CONNECTOR, connectorId).isEmpty()) {
            throw new LanyardException(ErrorCode.DIRSYNC_CONNECTOR_UNAVAILABLE,
                    "there is no Entra ID connector " + connectorId);
        }
        return new Status(directorySync.progress(connectorId), directorySync.reports(connectorId),
                directorySync.lastRunStarted(connectorId));
    }

    /** What the admin page and the API show of a connector's sync. */
    public record Status(Optional<SyncProgress.View> running, List<SyncReport> reports, Optional<Instant> lastRun) {
    }

    private void runDue() {
        DirectorySync directorySync = sync.orElseThrow();
        for (EntraConnectorConfig connector : configuration.current().all(IntegrationKind.ENTRA_CONNECTOR)) {
            if (!connector.enabled() || !connector.sync().enabled()) {
                continue;
            }
            Optional<Instant> last = directorySync.lastRunStarted(connector.id());
            if (last.isPresent() && last.get().plus(connector.sync().interval()).isAfter(clock.instant())) {
                continue;
            }
            runQuietly(directorySync, connector, DirectorySync.Request.scheduled());
        }
    }

    private static void runQuietly(DirectorySync directorySync, EntraConnectorConfig connector,
            DirectorySync.Request request) {
        try {
            directorySync.run(connector, request);
        } catch (LanyardException e) {
            if (e.errorCode() == ErrorCode.DIRSYNC_ALREADY_RUNNING) {
                LOG.debug("Directory sync of connector {}: {}", connector.id(), e.getMessage());
            } else {
                LOG.warn("Directory sync of connector {} did not start ({}): {}", connector.id(),
                        e.errorCode().code(), e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.error("Directory sync of connector {} failed", connector.id(), e);
        }
    }

    private DirectorySync available() {
        return sync.orElseThrow(() -> new LanyardException(ErrorCode.DIRSYNC_CONNECTOR_UNAVAILABLE,
                "the application reports no home folder: the directory sync has nowhere to keep its state"));
    }

    private EntraConnectorConfig connector(String connectorId) {
        EntraConnectorConfig connector = configuration.current().find(IntegrationKind.ENTRA_CONNECTOR, connectorId)
                .orElseThrow(() -> new LanyardException(ErrorCode.DIRSYNC_CONNECTOR_UNAVAILABLE,
                        "there is no Entra ID connector " + connectorId));
        if (!connector.enabled()) {
            throw new LanyardException(ErrorCode.DIRSYNC_CONNECTOR_UNAVAILABLE, "connector " + connectorId
                    + " is disabled");
        }
        return connector;
    }

    @Override
    public void close() {
        sync.ifPresent(DirectorySync::stop);
        executor.shutdownNow();
    }
}
