package com.atlassian.seraph.auth;

/** Declaration only, the host provides the real class (Seraph 4.1.4). Evidence: docs/host-evidence.md, topic 4. */
public class AuthenticatorException extends Exception {

    private static final long serialVersionUID = 1L;

    public AuthenticatorException(String message) {
        super(message);
    }
}
