package com.atlassian.crowd.exception.runtime;

/**
 * Declaration only, the host provides the real class (embedded-crowd-api 5.1.6). Caught by Lanyard, never thrown
 * by it. Evidence: docs/host-evidence.md, topic 2.
 */
public class CrowdRuntimeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CrowdRuntimeException(String message) {
        super(message);
    }
}
