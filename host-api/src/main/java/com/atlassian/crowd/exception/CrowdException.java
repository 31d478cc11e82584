package com.atlassian.crowd.exception;

/**
 * Declaration only, the host provides the real class (embedded-crowd-api 5.1.6: the checked root of Crowd's
 * exceptions). Caught by Lanyard, never thrown by it. Evidence: docs/host-evidence.md, topic 2.
 */
public abstract class CrowdException extends Exception {

    private static final long serialVersionUID = 1L;

    protected CrowdException(String message) {
        super(message);
    }
}
