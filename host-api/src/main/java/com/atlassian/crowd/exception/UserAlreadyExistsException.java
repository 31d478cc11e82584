package com.atlassian.crowd.exception;

/**
 * Declaration only, the host provides the real class (crowd-integration-api 5.1.6; final there, its constructor
 * takes (long directoryId, String name)). Caught by Lanyard, never thrown by it. Evidence: docs/host-evidence.md,
 * topic 2.
 */
public final class UserAlreadyExistsException extends ObjectAlreadyExistsException {

    private static final long serialVersionUID = 1L;

    public UserAlreadyExistsException(String message) {
        super(message);
    }
}
