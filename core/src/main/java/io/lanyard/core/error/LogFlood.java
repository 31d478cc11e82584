package io.lanyard.core.error;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a flood of identical failures (a provider down, a script retrying a bad token) from writing one log line per
 * request: the first of a kind in each window is logged in full, the others only counted, and the count is logged as
 * one summary line once the window is over (at the next line of any kind; an idle log has nothing to summarise).
 * Thread-safe; at most {@link #MAX_KINDS} kinds are tracked (more are summarised at once and forgotten).
 */
public final class LogFlood {

    /** The summary line's writer: the kind, how many were not logged, and the window they fell in. */
    @FunctionalInterface
    public interface Summary {
        void repeated(String kind, long times, Duration window);
    }

    static final int MAX_KINDS = 1000;

    private final Clock clock;
    private final Duration window;
    private final Summary summary;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        final Instant start;
        long suppressed;

        Window(Instant start) {
            this.start = start;
        }
    }

    public LogFlood(Clock clock, Duration window, Summary summary) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        this.summary = Objects.requireNonNull(summary, "summary");
    }

    /** A minute's window: "count per minute". */
    public static LogFlood perMinute(Summary summary) {
        return new LogFlood(Clock.systemUTC(), Duration.ofMinutes(1), summary);
    }

    /**
     * @param kind what makes two lines the same (e.g. the code and the provider), never a per-request value
     * @return true when this one is to be logged in full; false when it was only counted
     */
    public boolean admit(String kind) {
        Instant now = clock.instant();
        summariseEnded(now);
        boolean[] first = new boolean[1];
        windows.compute(kind, (key, current) -> {
            if (current == null) {
                first[0] = true;
                return new Window(now);
            }
            current.suppressed++;
            return current;
        });
        return first[0];
    }

    /** Writes the summaries of windows that are over, without a line of its own (call it with every other line). */
    public void summariseEnded() {
        summariseEnded(clock.instant());
    }

    private void summariseEnded(Instant now) {
        boolean tooMany = windows.size() > MAX_KINDS;
        for (Iterator<Map.Entry<String, Window>> it = windows.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Window> entry = it.next();
            Window ended = entry.getValue();
            if (tooMany || !now.isBefore(ended.start.plus(window))) {
                if (windows.remove(entry.getKey(), ended) && ended.suppressed > 0) {
                    summary.repeated(entry.getKey(), ended.suppressed, window);
                }
            }
        }
    }
}
