package io.lanyard.core.error;

import java.util.Objects;

/**
 * A failure with a stable {@link ErrorCode}.
 *
 * <p>The message is written for the log: it must never contain a token, an authorization code, a cookie or
 * a secret. The error page shows only the code and a correlation id, never this message.
 */
public class LanyardException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;

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

    @Override
    public String toString() {
        return getClass().getSimpleName() + ": " + errorCode.code() + " " + getMessage();
    }
}
