package com.atlassian.sal.api.user;

/**
 * Declaration only, the host provides the real class (SAL 5.1.4): thrown by {@code UserManager.resolve(String)}.
 * Evidence: docs/host-evidence.md, topic 1.
 */
public class UserResolutionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserResolutionException(String message) {
        super(message);
    }

    public UserResolutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
