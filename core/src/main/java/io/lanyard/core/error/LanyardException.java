package io.lanyard.core.error;

import java.util.Objects;
import java.util.Optional;

/**
 * A failure with a stable {@link ErrorCode}.
 *
 * <p>The message is written for the log: it must never contain a token, an authorization code, a cookie or
 * a secret. The error page shows only the code and a correlation id, never this message.
 */
public class LanyardException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;
    /** Set once by the login flow as soon as it knows whom a failed login was for (the audit trail's user). */
    private volatile String attemptedUser;

    public LanyardException(ErrorCode errorCode, String logMessage) {
        super(logMessage);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public LanyardException(ErrorCode errorCode, String logMessage, Throwable cause) {
        super(logMessage, cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /**
     * Records whom the failed login was for (the username the claims mapped to, else the provider's subject), so that
     * the audit trail can answer "why can't bob log in?". The first call wins.
     */
    public LanyardException attemptedBy(String user) {
        if (attemptedUser == null && user != null && !user.isBlank()) {
            attemptedUser = user;
        }
        return this;
    }

    /** Whom the failed login was for, once the login had come that far. */
    public Optional<String> attemptedUser() {
        return Optional.ofNullable(attemptedUser);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + ": " + errorCode.code() + " " + getMessage();
    }
}
