package io.lanyard.core.entra;

import java.util.Optional;

/**
 * A call to Microsoft Entra ID or Microsoft Graph made for a login's group overage that did not give what it should,
 * and why: {@link io.lanyard.core.provisioning.OverageGroups} turns the reason into {@code LNY-720}–{@code LNY-726}
 * (a 429's {@code Retry-After} and Graph's 404 matter there, unlike in the connector's Test, {@link GraphClient}).
 * The message names the request and what came back, never a secret or a token; remote texts are one line and capped.
 */
public final class GraphCallException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the call failed. */
    public enum Reason {
        /** No connection, no answer in time. */
        UNREACHABLE,
        /** Entra ID refused the credentials, or Graph refused the call, with its own error. */
        REFUSED,
        /** Graph answered 429 Too Many Requests. */
        THROTTLED,
        /** Graph does not know the object asked for (404). */
        NOT_FOUND,
        /** An answer that is not what these endpoints send. */
        INVALID,
        /** More than the caller reads in one go (e.g. more groups than a login takes). */
        TOO_LARGE,
        /** Graph answered 503 Service Unavailable: busy, try again (with its {@code Retry-After}, if any). */
        BUSY,
        /** Graph answered 410 Gone: a delta link that expired (its sync state is gone), start a full read. */
        GONE
    }

    private final Reason reason;
    private final String remoteCode;
    private final String remoteDescription;
    private final long retryAfterSeconds;

    public GraphCallException(Reason reason, String message) {
        this(reason, message, null, null, -1);
    }

    public GraphCallException(Reason reason, String message, String remoteCode, String remoteDescription,
            long retryAfterSeconds) {
        super(message, null, false, false);
        this.reason = reason;
        this.remoteCode = remoteCode;
        this.remoteDescription = remoteDescription;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Reason reason() {
        return reason;
    }

    /** Entra's OAuth {@code error} or Graph's {@code error.code}, when the service sent one. */
    public Optional<String> remoteCode() {
        return Optional.ofNullable(remoteCode);
    }

    /** Entra's {@code error_description} or Graph's {@code error.message}, when the service sent one. */
    public Optional<String> remoteDescription() {
        return Optional.ofNullable(remoteDescription);
    }

    /** A 429's or 503's {@code Retry-After} in seconds, or -1 when it gave none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
