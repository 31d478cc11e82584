package com.atlassian.jira.security.websudo;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * Declaration only, the host provides the real interface. UNCONFIRMED on Jira 10 and 11: read in public Jira 6/7-era
 * source and used by the Atlassian Connect plugin to start a WebSudo session; whether Jira 10/11 still exports it to
 * plugins is not known. Keep every call behind a {@code LinkageError} catch. ({@code matches(Class<? extends
 * webwork.action.Action>)} is left out: it needs a webwork type.) Evidence: docs/host-evidence.md, topic 3.
 */
public interface InternalWebSudoManager {

    boolean isEnabled();

    boolean hasValidSession(HttpSession session);

    boolean isWebSudoRequest(HttpServletRequest request);

    /**
     * Starts a WebSudo session (session attribute {@code jira.websudo.timestamp}), creating the HTTP session if
     * needed.
     */
    void startSession(HttpServletRequest request, HttpServletResponse response);

    void markWebSudoRequest(HttpServletRequest request);

    void invalidateSession(HttpServletRequest request, HttpServletResponse response);
}
