package com.atlassian.crowd.exception;

/**
 * Declaration only, the host provides the real class (crowd-integration-api 5.1.6; abstract there). Caught by
 * Lanyard, never thrown by it. Evidence: docs/host-evidence.md, topic 2.
 */
public abstract class PermissionException extends Exception {

    private static final long serialVersionUID = 1L;

    protected PermissionException(String message) {
        super(message);
    }
}
