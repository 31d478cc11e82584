package io.lanyard.plugin.session;

import java.util.Objects;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Bitbucket's and Bamboo's WebSudo: no API starts it (docs/host-evidence.md 3.1), so their password prompt stays. */
public final class NoWebSudo implements WebSudoSessions {

    private final WebSudoSessions refusal;

    public NoWebSudo(String product) {
        this.refusal = WebSudoSessions.unavailable(Objects.requireNonNull(product, "product"));
    }

    @Override
    public void start(HttpServletRequest request, HttpServletResponse response) {
        refusal.start(request, response);
    }
}
