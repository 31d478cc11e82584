package com.atlassian.crowd.exception;

/**
 * Declaration only, the host provides the real class (embedded-crowd-api 5.1.6; the real constructor takes the
 * account name). Caught by Lanyard, never thrown by it. Evidence: docs/host-evidence.md, topic 2.
 */
public class InactiveAccountException extends FailedAuthenticationException {

    private static final long serialVersionUID = 1L;

    public InactiveAccountException(String message) {
        super(message);
    }
}
