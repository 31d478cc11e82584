package com.atlassian.crowd.exception.embedded;

/**
 * Declaration only, the host provides the real class (embedded-crowd-api 5.1.6, thrown by CrowdService.addGroup;
 * the real constructors take the Group as well). Caught by Lanyard, never thrown by it. Evidence:
 * docs/host-evidence.md, topic 2.
 */
public class InvalidGroupException extends com.atlassian.crowd.exception.CrowdException {

    private static final long serialVersionUID = 1L;

    public InvalidGroupException(String message) {
        super(message);
    }
}
