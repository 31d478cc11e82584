package com.atlassian.crowd.exception;

/**
 * Declaration only, the host provides the real class (embedded-crowd-api 5.1.6). Caught by Lanyard, never thrown
 * by it. Evidence: docs/host-evidence.md, topic 2.
 */
public class OperationNotPermittedException extends CrowdException {

    private static final long serialVersionUID = 1L;

    public OperationNotPermittedException(String message) {
        super(message);
    }
}
