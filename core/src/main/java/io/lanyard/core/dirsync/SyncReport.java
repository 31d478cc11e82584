package io.lanyard.core.dirsync;

import io.lanyard.core.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run of a connector's sync did (or, for a preview, would do): kept for the last runs in the shared home
 * ({@link SyncReports}), shown on the admin page, audited.
 *
 * @param outcome   how it ended
 * @param full      whether it read everything (first run, expired delta link, changed scope) or only the changes
 * @param failure   the code and message of a run that failed or stopped
 * @param errors    a sample of the per-user problems (at most {@link #MAX_SAMPLES}); {@code counts.errors} has them all
 * @param changes   a sample of what changed or would change, for a preview (at most {@link #MAX_SAMPLES})
 * @param phases    how long each phase took
 */
public record SyncReport(String runId, String connectorId, Trigger trigger, String actor, String node, boolean preview,
        boolean full, Outcome outcome, Instant started, Instant finished, Counts counts, Map<String, Duration> phases,
        Optional<ErrorCode> failureCode, Optional<String> failure, List<String> errors, List<String> changes,
        int graphRequests, int throttled) {

    public static final int MAX_SAMPLES = 50;

    /** What started a run. */
    public enum Trigger { SCHEDULE, MANUAL }

    /** How a run ended. */
    public enum Outcome {
        /** Everything read and applied (per-user errors are retried by the next run). */
        SUCCEEDED,
        /** A preview: nothing applied. */
        PREVIEWED,
        /** It would deactivate more than the safety share: nothing applied; an administrator may confirm. */
        SAFETY_STOPPED,
        /** The read or the run failed: nothing of the read was applied, or the next run finishes it. */
        FAILED
    }

    /** The counts of a run. */
    public record Counts(long usersRead, long groupsRead, long created, long updated, long deactivated,
            long reactivated, long pendingDeactivation, long membershipsAdded, long membershipsRemoved,
            long groupsCreated, long unchanged, long errors) {

        public Map<String, Long> asMap() {
            Map<String, Long> map = new LinkedHashMap<>();
            map.put("usersRead", usersRead);
            map.put("groupsRead", groupsRead);
            map.put("created", created);
            map.put("updated", updated);
            map.put("deactivated", deactivated);
            map.put("reactivated", reactivated);
            map.put("pendingDeactivation", pendingDeactivation);
            map.put("membershipsAdded", membershipsAdded);
            map.put("membershipsRemoved", membershipsRemoved);
            map.put("groupsCreated", groupsCreated);
            map.put("unchanged", unchanged);
            map.put("errors", errors);
            return map;
        }
    }

    public SyncReport {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(outcome, "outcome");
        phases = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(phases));
        errors = List.copyOf(errors);
        changes = List.copyOf(changes);
    }

    /** The report as the shared home keeps it and the JSON API shows it. */
    public Map<String, Object> toJson() {
        return SyncReports.toJson(this);
    }

    public Duration duration() {
        return Duration.between(started, finished);
    }
}
