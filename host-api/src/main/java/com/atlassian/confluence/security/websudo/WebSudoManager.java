package com.atlassian.confluence.security.websudo;

import java.net.URI;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * Declaration only, the host provides the real interface (Confluence 8.7.2; UNCONFIRMED on 9 and 10). Confluence's
 * own password prompt ({@code /authenticate.action}) calls {@link #startSession} after checking the password.
 * Evidence: docs/host-evidence.md, topic 3.
 */
public interface WebSudoManager {

    boolean isEnabled();

    boolean hasValidSession(HttpSession session);

    boolean isWebSudoRequest(HttpServletRequest request);

    /** Stamps the session (attribute {@code confluence.websudo.timestamp}) and marks this request. */
    void startSession(HttpServletRequest request, HttpServletResponse response);

    void markWebSudoRequest(HttpServletRequest request);

    void invalidateSession(HttpServletRequest request, HttpServletResponse response);

    /** {@code <context>/authenticate.action?destination=<servlet path, path info and query, URL-encoded>}. */
    URI buildAuthenticationRedirectUri(HttpServletRequest request);
}
