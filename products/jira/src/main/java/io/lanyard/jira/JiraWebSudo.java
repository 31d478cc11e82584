package io.lanyard.jira;

import com.atlassian.jira.security.websudo.InternalWebSudoManager;
import io.lanyard.plugin.session.WebSudoSessions;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Jira's administrator session through {@code InternalWebSudoManager.startSession} (docs/host-evidence.md 3.1: read in
 * Jira 5–7 source and used so by Atlassian Connect; UNCONFIRMED on Jira 10 and 11). An optional reference: when it is
 * missing or does not link, LNY-809 and Jira's own prompt.
 */
public final class JiraWebSudo implements WebSudoSessions {

    private final WebSudoSessions start;

    public JiraWebSudo(InternalWebSudoManager webSudoManager) {
        Objects.requireNonNull(webSudoManager, "webSudoManager");
        this.start = WebSudoSessions.guarded("Jira's InternalWebSudoManager.startSession", webSudoManager::startSession);
    }

    @Override
    public void start(HttpServletRequest request, HttpServletResponse response) {
        start.start(request, response);
    }
}
