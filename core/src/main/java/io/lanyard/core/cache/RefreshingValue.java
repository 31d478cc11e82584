package io.lanyard.core.cache;

import io.lanyard.core.error.LanyardException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value fetched from an identity provider (metadata, keys) and kept between logins.
 *
 * <ul>
 *   <li>Fresh for {@code timeToLive}; then the next reader refreshes it.</li>
 *   <li>When a refresh fails, the last good value keeps serving ("stale if error"), so a provider that is
 *       briefly down does not break logins that need nothing new from it.</li>
 *   <li>Fetches are single-flight and at most one per {@code minFetchInterval}, so a flood of requests (or of
 *       tokens with bogus key ids) cannot hammer the provider. Within that interval, a reader without any
 *       value gets the last failure again.</li>
 * </ul>
 *
 * Thread-safe: readers take a volatile snapshot; fetches hold the lock.
 */
public final class RefreshingValue<T> {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshingValue.class);

    private final String name;
    private final Supplier<T> fetcher;
    private final Clock clock;
    private final Duration timeToLive;
    private final Duration minFetchInterval;
    private final Object fetchLock = new Object();

    private volatile Snapshot<T> snapshot;
    private volatile Instant lastAttempt;
    private volatile LanyardException lastFailure;

    private record Snapshot<T>(T value, Instant fetchedAt) {
    }

    /**
     * @param name    for log lines, e.g. "keys of https://idp.example.com"
     * @param fetcher fetches a new value or throws a {@link LanyardException}
     */
    public RefreshingValue(String name, Supplier<T> fetcher, Clock clock, Duration timeToLive, Duration minFetchInterval) {
        this.name = Objects.requireNonNull(name, "name");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
        this.minFetchInterval = Objects.requireNonNull(minFetchInterval, "minFetchInterval");
    }

    /** The value, refreshed first if it is older than its time to live. */
    public T get() {
        Snapshot<T> current = snapshot;
        if (current != null && clock.instant().isBefore(current.fetchedAt.plus(timeToLive))) {
            return current.value;
        }
        return refresh(false);
    }

    /**
     * Fetches again now unless a fetch happened less than {@code minFetchInterval} ago (then returns the value
     * held). Used when the value held lacks something, such as a signing key with an unknown key id.
     */
    public T refreshIfAllowed() {
        return refresh(true);
    }

    private T refresh(boolean forced) {
        synchronized (fetchLock) {
            Snapshot<T> current = snapshot;
            Instant now = clock.instant();
            boolean freshEnough = current != null && now.isBefore(current.fetchedAt.plus(timeToLive));
            if (!forced && freshEnough) {
                return current.value; // another thread refreshed while this one waited
            }
            if (lastAttempt != null && now.isBefore(lastAttempt.plus(minFetchInterval))) {
                return valueOrLastFailure(current);
            }
            lastAttempt = now;
            try {
                T value = fetcher.get();
                snapshot = new Snapshot<>(value, now);
                lastFailure = null;
                return value;
            } catch (LanyardException e) {
                lastFailure = e;
                if (current == null) {
                    throw e;
                }
                LOG.warn("Could not refresh {} ({} {}); keeping the copy fetched at {}", name,
                        e.errorCode().code(), e.getMessage(), current.fetchedAt);
                return current.value;
            }
        }
    }

    private T valueOrLastFailure(Snapshot<T> current) {
        if (current != null) {
            return current.value;
        }
        throw lastFailure != null ? lastFailure : new IllegalStateException(name + " was never fetched");
    }
}
