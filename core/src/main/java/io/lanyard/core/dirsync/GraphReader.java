package io.lanyard.core.dirsync;

import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.entra.EntraCallException;
import io.lanyard.core.entra.GraphCallException;
import io.lanyard.core.entra.GraphCallException.Reason;
import io.lanyard.core.entra.GraphClient;
import io.lanyard.core.entra.GraphRequests;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.http.ProviderHttpClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Reads a Microsoft Graph collection for a sync, page by page: follows {@code @odata.nextLink} (only on the
 * connector's Graph) up to the {@code @odata.deltaLink} of a delta query, asks for Graph's largest pages
 * ({@code Prefer: odata.maxpagesize=999}), and waits out throttling: a 429 or 503 is retried after its
 * {@code Retry-After} (or an exponential backoff from 1 s when it gives none), up to {@link #MAX_ATTEMPTS} times a page
 * and never longer than {@link #MAX_WAIT} at once ("Microsoft Graph throttling guidance"). An app-only token is
 * fetched once and again when Graph says it expired (401). One reader per run; not thread-safe.
 *
 * <p>Failures are {@link LanyardException}s with {@code LNY-740}–{@code LNY-743} and {@code LNY-754}; an expired
 * delta link (410 Gone) is {@link DeltaExpiredException}, for the caller to start a full read.
 */
final class GraphReader {

    static final int MAX_ATTEMPTS = 8;
    static final Duration MAX_WAIT = Duration.ofMinutes(2);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final String PREFER = "odata.maxpagesize=999";

    /** Waits; a seam so that tests of throttling need not sleep long. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Receives one page's {@code value} entries. */
    @FunctionalInterface
    interface PageConsumer {
        void accept(List<?> values) throws LanyardException;
    }

    /** A saved delta link that Graph no longer knows: read everything again. */
    static final class DeltaExpiredException extends Exception {
        private static final long serialVersionUID = 1L;

        DeltaExpiredException(String message) {
            super(message, null, false, false);
        }
    }

    private final ProviderHttpClient http;
    private final GraphClient tokens;
    private final EntraConnectorConfig connector;
    private final String graph;
    private final Sleeper sleeper;
    private final BooleanSupplier cancelled;
    private final Clock clock;
    private AccessToken token;
    private int requests;
    private int throttled;
    private Duration waited = Duration.ZERO;

    GraphReader(ProviderHttpClient http, GraphClient tokens, EntraConnectorConfig connector, Sleeper sleeper,
            BooleanSupplier cancelled, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.graph = tokens.graphUrl(connector, "").toString();
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.cancelled = Objects.requireNonNull(cancelled, "cancelled");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code path} (e.g. {@code /v1.0/users/delta?$select=...}) on the connector's Graph. */
    URI url(String path) {
        return URI.create(graph + path);
    }

    /**
     * Reads every page from {@code first} on.
     *
     * @return the delta link Graph gave on the last page, or null for a collection that is not a delta query
     */
    String readAll(URI first, Map<String, String> headers, PageConsumer consumer) throws DeltaExpiredException {
        URI next = first;
        while (true) {
            Map<String, Object> page = page(next, headers);
            if (!(page.get("value") instanceof List<?> values)) {
                throw new LanyardException(ErrorCode.DIRSYNC_GRAPH_ANSWER_INVALID, "GET "
                        + ProviderHttpClient.withoutQuery(next) + " answered without a value list");
            }
            consumer.accept(values);
            Object nextLink = page.get("@odata.nextLink");
            if (nextLink == null) {
                Object deltaLink = page.get("@odata.deltaLink");
                if (deltaLink != null) {
                    onGraph(deltaLink, "delta link");
                    return (String) deltaLink;
                }
                return null;
            }
            next = onGraph(nextLink, "next page");
        }
    }

    int requests() {
        return requests;
    }

    int throttled() {
        return throttled;
    }

    Duration waited() {
        return waited;
    }

    private Map<String, Object> page(URI url, Map<String, String> headers) throws DeltaExpiredException {
        Map<String, String> withPrefer = new java.util.HashMap<>(headers);
        withPrefer.put("Prefer", PREFER);
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            if (cancelled.getAsBoolean()) {
                throw new LanyardException(ErrorCode.DIRSYNC_INTERRUPTED, "the sync was stopped while reading Graph");
            }
            try {
                requests++;
                return GraphRequests.get(http, url, token(), withPrefer);
            } catch (GraphCallException e) {
                if (e.reason() == Reason.GONE) {
                    throw new DeltaExpiredException(e.getMessage());
                }
                if (e.reason() == Reason.REFUSED && e.remoteCode().filter(c -> c.contains("Token")).isPresent()
                        && attempt == 1) {
                    token = null; // expired during a long read: a new one, once
                    continue;
                }
                if ((e.reason() == Reason.THROTTLED || e.reason() == Reason.BUSY) && attempt < MAX_ATTEMPTS) {
                    throttled++;
                    Duration wait = e.retryAfterSeconds() >= 0 ? Duration.ofSeconds(e.retryAfterSeconds()) : backoff;
                    wait = wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
                    backoff = backoff.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : backoff.multipliedBy(2);
                    sleep(wait);
                    continue;
                }
                throw failure(e, url);
            }
        }
    }

    private AccessToken token() {
        if (token == null) {
            try {
                token = tokens.token(connector);
            } catch (EntraCallException e) {
                throw new LanyardException(e.code() == ErrorCode.ENTRA_UNREACHABLE
                        ? ErrorCode.DIRSYNC_GRAPH_UNREACHABLE : ErrorCode.DIRSYNC_GRAPH_REFUSED,
                        "no token for Graph: " + e.getMessage() + e.remoteDescription().map(d -> ": " + d).orElse("")
                                + " (" + e.code().code() + ")");
            }
        }
        return token;
    }

    private LanyardException failure(GraphCallException e, URI url) {
        String remote = e.remoteCode().map(c -> " (" + c + e.remoteDescription().map(d -> ": " + d).orElse("") + ")")
                .orElse("");
        ErrorCode code = switch (e.reason()) {
            case UNREACHABLE -> ErrorCode.DIRSYNC_GRAPH_UNREACHABLE;
            case THROTTLED, BUSY -> ErrorCode.DIRSYNC_GRAPH_THROTTLED;
            case REFUSED -> e.remoteCode().filter("Authorization_RequestDenied"::equals).isPresent()
                    ? ErrorCode.DIRSYNC_GRAPH_PERMISSION_MISSING : ErrorCode.DIRSYNC_GRAPH_REFUSED;
            case NOT_FOUND -> ErrorCode.DIRSYNC_GRAPH_REFUSED;
            case INVALID, TOO_LARGE, GONE -> ErrorCode.DIRSYNC_GRAPH_ANSWER_INVALID;
        };
        String why = code == ErrorCode.DIRSYNC_GRAPH_THROTTLED ? " after " + MAX_ATTEMPTS + " attempts" : "";
        return new LanyardException(code, e.getMessage() + remote + why);
    }

    /** Paging stays on the connector's Graph: a link elsewhere is not followed. */
    private URI onGraph(Object link, String what) {
        if (!(link instanceof String text) || !text.startsWith(graph + "/")) {
            throw new LanyardException(ErrorCode.DIRSYNC_GRAPH_ANSWER_INVALID, "Graph's " + what + " is not on " + graph);
        }
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new LanyardException(ErrorCode.DIRSYNC_GRAPH_ANSWER_INVALID, "Graph's " + what + " is not a URL");
        }
    }

    private void sleep(Duration wait) {
        try {
            waited = waited.plus(wait);
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LanyardException(ErrorCode.DIRSYNC_INTERRUPTED, "interrupted while waiting out Graph's throttling");
        }
    }

    Instant now() {
        return clock.instant();
    }
}
