package com.atlassian.crowd.exception;

/**
 * Declaration only, the host provides the real class (embedded-crowd-api 5.1.6; the real constructors take the
 * User as well). Caught by Lanyard, never thrown by it. Evidence: docs/host-evidence.md, topic 2.
 */
public class InvalidUserException extends CrowdException {

    private static final long serialVersionUID = 1L;

    public InvalidUserException(String message) {
        super(message);
    }
}
