package io.lanyard.sandbox.app;

import io.lanyard.sandbox.host.SandboxSessionLogin;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code GET /rest/sandbox/1/claims}: the claims Lanyard validated for this session's login (ID token, and userinfo
 * when configured), as one JSON object; {@code {}} after a native login, 401 without a session. Lets a person (and the
 * interoperability tests) see what an identity provider sends, such as its group claims.
 */
public final class ClaimsServlet extends HttpServlet {

    public static final String PATH = "/rest/sandbox/1/claims";
    private static final long serialVersionUID = 1L;

    private final transient SandboxSessionLogin sessionLogin;

    public ClaimsServlet(SandboxSessionLogin sessionLogin) {
        this.sessionLogin = sessionLogin;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Map<String, Object>> claims = sessionLogin.loggedInClaims(request);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=UTF-8");
        if (claims.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.getWriter().write("{\"error\":\"not logged in\"}");
            return;
        }
        response.getWriter().write(Json.value(claims.get()));
    }
}
