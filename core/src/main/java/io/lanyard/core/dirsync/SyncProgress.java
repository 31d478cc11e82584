package io.lanyard.core.dirsync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How far a running sync is, for the admin page: its phase, what it read and applied, its rate and an estimate of
 * the time left. Written by the run's thread, read by any (the fields are volatile or guarded); a {@link View} is a
 * consistent enough copy for a page.
 */
public final class SyncProgress {

    /** The phases of a run, in order. */
    public enum Phase { STARTING, READING_GROUPS, READING_USERS, PLANNING, APPLYING, SAVING, DONE }

    /**
     * A copy for a page or the JSON API.
     *
     * @param etaSeconds the time left by the current rate; empty when it cannot be estimated yet
     */
    public record View(String connectorId, String runId, boolean preview, Phase phase, Instant started,
            long groupsRead, long usersRead, long planned, long applied, double ratePerSecond, OptionalLong etaSeconds) {
    }

    private final String connectorId;
    private final String runId;
    private final boolean preview;
    private final Clock clock;
    private final Instant started;
    private final Map<Phase, Instant> phaseStarts = new EnumMap<>(Phase.class);
    private volatile Phase phase = Phase.STARTING;
    private volatile Instant phaseStarted;
    private volatile long groupsRead;
    private volatile long usersRead;
    private volatile long planned;
    private volatile long applied;

    SyncProgress(String connectorId, String runId, boolean preview, Clock clock) {
        this.connectorId = connectorId;
        this.runId = runId;
        this.preview = preview;
        this.clock = clock;
        this.started = clock.instant();
        this.phaseStarted = started;
        phaseStarts.put(Phase.STARTING, started);
    }

    synchronized void phase(Phase next) {
        if (next != phase) {
            phase = next;
            phaseStarted = clock.instant();
            phaseStarts.putIfAbsent(next, phaseStarted);
        }
    }

    void groupsRead(int count) {
        groupsRead += count; // one writer: the run's thread
    }

    void usersRead(int count) {
        usersRead += count;
    }

    void planned(long count) {
        planned = count;
    }

    void applied() {
        applied++;
    }

    /** How long each phase took until now, in the order they came. */
    synchronized Map<Phase, Duration> phaseDurations() {
        Map<Phase, Duration> durations = new EnumMap<>(Phase.class);
        Instant now = clock.instant();
        Phase[] phases = Phase.values();
        for (int i = 0; i < phases.length; i++) {
            Instant start = phaseStarts.get(phases[i]);
            if (start == null) {
                continue;
            }
            Instant end = now;
            for (int j = i + 1; j < phases.length; j++) {
                if (phaseStarts.containsKey(phases[j])) {
                    end = phaseStarts.get(phases[j]);
                    break;
                }
            }
            durations.put(phases[i], Duration.between(start, end));
        }
        return durations;
    }

    public View view() {
        Phase now = phase;
        double seconds = Math.max(0.001, Duration.between(phaseStarted, clock.instant()).toMillis() / 1000.0);
        long done = now == Phase.APPLYING ? applied : now == Phase.READING_USERS ? usersRead
                : now == Phase.READING_GROUPS ? groupsRead : 0;
        double rate = done / seconds;
        OptionalLong eta = now == Phase.APPLYING && rate > 0 && planned >= applied
                ? OptionalLong.of(Math.round((planned - applied) / rate)) : OptionalLong.empty();
        return new View(connectorId, runId, preview, now, started, groupsRead, usersRead, planned, applied, rate, eta);
    }

    Instant started() {
        return started;
    }
}
