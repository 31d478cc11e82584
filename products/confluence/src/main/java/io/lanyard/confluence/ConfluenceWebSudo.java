package io.lanyard.confluence;

import com.atlassian.confluence.security.websudo.WebSudoManager;
import io.lanyard.plugin.session.WebSudoSessions;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Confluence's administrator session, started as its own password prompt starts it once the password is right
 * ({@code AuthenticateAction} → {@code WebSudoManager.startSession}, docs/host-evidence.md 3.1). The service is an
 * optional reference (UNCONFIRMED on Confluence 9 and 10): when it is missing or does not link, LNY-809.
 */
public final class ConfluenceWebSudo implements WebSudoSessions {

    private final WebSudoSessions start;

    public ConfluenceWebSudo(WebSudoManager webSudoManager) {
        Objects.requireNonNull(webSudoManager, "webSudoManager");
        this.start = WebSudoSessions.guarded("Confluence's WebSudoManager.startSession", webSudoManager::startSession);
    }

    @Override
    public void start(HttpServletRequest request, HttpServletResponse response) {
        start.start(request, response);
    }
}
