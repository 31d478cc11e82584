package io.lanyard.core.cache;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.error.LoginFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value fetched from an identity provider (metadata, keys) and kept between logins, so that a provider that is
 * slow, down or answering nothing at all never holds the host's request threads.
 *
 * <ul>
 *   <li>Fresh for {@code timeToLive}. A reader of an older value gets it at once and a refresh starts in the
 *       background ("stale while revalidate"); when the refresh fails, the value held keeps serving ("stale if
 *       error"), so a provider that is briefly down does not break logins that need nothing new from it.</li>
 *   <li>One fetch at a time: every reader that needs the result waits for that one fetch, never for a fetch of its
 *       own after the others' (which queued six login starts for a minute behind a provider that never answered).</li>
 *   <li>A reader without any value waits at most {@code maxWait}, then fails with {@code unreachable}; the fetch
 *       goes on for the readers after it.</li>
 *   <li>At most one fetch per {@code minFetchInterval}, counted from the end of the previous attempt, so a flood of
 *       requests (or of tokens with bogus key ids) cannot hammer the provider; within it, a reader without any value
 *       gets the last failure again. {@link #refreshNow()} may skip the interval, for values the provider itself
 *       says are newer (a key id in a token from its token endpoint).</li>
 * </ul>
 *
 * Thread-safe: readers take a volatile snapshot; the state of the fetch is guarded by one lock that is never held
 * during the network call.
 */
public final class RefreshingValue<T> {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshingValue.class);
    /**
     * Runs the fetches, so that no reader's thread makes the network call while others wait for it. One thread per
     * fetch in flight (at most one per value), daemon, gone after half a minute without work.
     */
    private static final Executor FETCHES = fetchThreads();

    private final String name;
    private final Supplier<T> fetcher;
    private final Clock clock;
    private final Duration timeToLive;
    private final Duration minFetchInterval;
    private final Duration maxWait;
    private final ErrorCode unreachable;
    private final Object lock = new Object();

    private volatile Snapshot<T> snapshot;
    // guarded by lock
    private CompletableFuture<T> inFlight;
    private Instant lastAttemptEnded;
    private LanyardException lastFailure;

    private record Snapshot<T>(T value, Instant fetchedAt) {
    }

    /**
     * @param name        for log lines, e.g. "keys of https://idp.example.com"
     * @param fetcher     fetches a new value or throws a {@link LanyardException}
     * @param maxWait     how long a reader without any value waits for a fetch
     * @param unreachable the code of a reader's failure when that wait ends without a value
     */
    public RefreshingValue(String name, Supplier<T> fetcher, Clock clock, Duration timeToLive,
            Duration minFetchInterval, Duration maxWait, ErrorCode unreachable) {
        this.name = Objects.requireNonNull(name, "name");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
        this.minFetchInterval = Objects.requireNonNull(minFetchInterval, "minFetchInterval");
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
        this.unreachable = Objects.requireNonNull(unreachable, "unreachable");
    }

    /**
     * The value held, at once, even if it is older than its time to live (then a refresh starts in the background);
     * without a value, the result of the fetch in flight or of a new one, waited for at most {@code maxWait}.
     *
     * @throws LanyardException the fetch's failure, or {@code unreachable} when the wait ended, when no value is held
     */
    public T get() {
        Snapshot<T> current = snapshot;
        if (current != null) {
            if (!isFresh(current)) {
                startFetch(false);
            }
            return current.value;
        }
        return await(startFetch(false));
    }

    /**
     * For a value held that lacks something (a signing key with an unknown key id): the result of a fetch that starts
     * now unless one happened less than {@code minFetchInterval} ago (then the value held), or of the fetch in flight.
     */
    public T refreshIfAllowed() {
        return await(startFetch(false));
    }

    /**
     * As {@link #refreshIfAllowed()}, however recent the last fetch: for a lack the provider itself vouches for (a
     * key id in a token that came from its own token endpoint). Still one fetch at a time.
     */
    public T refreshNow() {
        return await(startFetch(true));
    }

    private boolean isFresh(Snapshot<T> current) {
        return clock.instant().isBefore(current.fetchedAt.plus(timeToLive));
    }

    /**
     * The fetch in flight, or a new one when allowed; null when none runs and the interval forbids one.
     *
     * @param ignoreInterval whether a fetch may start however recent the last attempt
     */
    private CompletableFuture<T> startFetch(boolean ignoreInterval) {
        synchronized (lock) {
            if (inFlight != null) {
                return inFlight;
            }
            if (!ignoreInterval && lastAttemptEnded != null
                    && clock.instant().isBefore(lastAttemptEnded.plus(minFetchInterval))) {
                return null;
            }
            CompletableFuture<T> fetch = new CompletableFuture<>();
            inFlight = fetch;
            FETCHES.execute(() -> attempt(fetch));
            return fetch;
        }
    }

    private void attempt(CompletableFuture<T> fetch) {
        T value;
        try {
            value = fetcher.get();
        } catch (LanyardException e) {
            failed(fetch, e);
            return;
        } catch (RuntimeException e) {
            failed(fetch, new LoginFailedException(unreachable, name + " could not be fetched: " + e, e));
            return;
        }
        synchronized (lock) {
            snapshot = new Snapshot<>(value, clock.instant());
            lastFailure = null;
            ended();
        }
        fetch.complete(value);
    }

    private void failed(CompletableFuture<T> fetch, LanyardException failure) {
        Snapshot<T> held;
        synchronized (lock) {
            lastFailure = failure;
            held = snapshot;
            ended();
        }
        if (held != null) {
            LOG.warn("Could not refresh {} ({} {}); keeping the copy fetched at {}", name,
                    failure.errorCode().code(), failure.getMessage(), held.fetchedAt);
        }
        fetch.completeExceptionally(failure);
    }

    // guarded by lock
    private void ended() {
        lastAttemptEnded = clock.instant();
        inFlight = null;
    }

    /** The fetch's value; the value held if it failed or is still running after {@code maxWait}, else its failure. */
    private T await(CompletableFuture<T> fetch) {
        if (fetch == null) {
            return heldOrLastFailure();
        }
        try {
            return fetch.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Snapshot<T> held = snapshot;
            if (held != null) {
                return held.value;
            }
            throw e.getCause() instanceof LanyardException failure ? failure
                    : new LoginFailedException(unreachable, name + " could not be fetched", e.getCause());
        } catch (TimeoutException e) {
            return heldOr(() -> new LoginFailedException(unreachable, name + " did not arrive within "
                    + maxWait.toMillis() + " ms (still being fetched for later requests)"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return heldOr(() -> new LoginFailedException(unreachable, "interrupted while waiting for " + name));
        }
    }

    private T heldOrLastFailure() {
        LanyardException failure;
        synchronized (lock) {
            failure = lastFailure;
        }
        return heldOr(() -> failure != null ? failure : new LoginFailedException(unreachable, name + " was never fetched"));
    }

    private T heldOr(Supplier<LanyardException> failure) {
        Snapshot<T> held = snapshot;
        if (held != null) {
            return held.value;
        }
        throw failure.get();
    }

    private static Executor fetchThreads() {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "lanyard-provider-fetch-" + count.incrementAndGet());
            thread.setDaemon(true);
            // not the class loader of the request that happened to start it (a web application's, which would be
            // kept alive by the thread and reported by the container at its stop)
            thread.setContextClassLoader(RefreshingValue.class.getClassLoader());
            return thread;
        });
    }
}
