package io.lanyard.core.login;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;

/** A login could not be started or completed; the code says why, the message (for the log) says more. */
public class LoginFailedException extends LanyardException {

    private static final long serialVersionUID = 1L;

    public LoginFailedException(ErrorCode errorCode, String logMessage) {
        super(errorCode, logMessage);
    }

    public LoginFailedException(ErrorCode errorCode, String logMessage, Throwable cause) {
        super(errorCode, logMessage, cause);
    }
}
