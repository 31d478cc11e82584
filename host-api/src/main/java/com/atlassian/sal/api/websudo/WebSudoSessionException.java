package com.atlassian.sal.api.websudo;

/**
 * Declaration only, the host provides the real class (SAL 5.1.4): what {@code WebSudoManager.willExecuteWebSudoRequest}
 * throws when the request has no WebSudo session. Evidence: docs/host-evidence.md, topic 3.
 */
public class WebSudoSessionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WebSudoSessionException(String message) {
        super(message);
    }
}
