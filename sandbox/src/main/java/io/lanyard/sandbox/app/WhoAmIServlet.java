package io.lanyard.sandbox.app;

import io.lanyard.sandbox.host.SandboxSessionLogin;
import java.io.IOException;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** {@code GET /rest/sandbox/1/whoami}: a REST resource answers 401 without a session, never a login redirect. */
public final class WhoAmIServlet extends HttpServlet {

    public static final String PATH = "/rest/sandbox/1/whoami";
    private static final long serialVersionUID = 1L;

    private final transient SandboxSessionLogin sessionLogin;

    public WhoAmIServlet(SandboxSessionLogin sessionLogin) {
        this.sessionLogin = sessionLogin;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> username = sessionLogin.loggedInUsername(request);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=UTF-8");
        if (username.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.getWriter().write("{\"error\":\"not logged in\"}");
            return;
        }
        response.getWriter().write("{\"username\":" + Json.string(username.get()) + "}");
    }
}
