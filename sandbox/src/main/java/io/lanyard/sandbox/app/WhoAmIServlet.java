package io.lanyard.sandbox.app;

import io.lanyard.sandbox.host.SandboxSessionLogin;
import io.lanyard.sandbox.host.SandboxUser;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code GET /rest/sandbox/1/whoami}: the logged-in account as the sandbox's directory has it now,
 * {@code {"username", "displayName", "email", "groups"}} (groups sorted); a REST resource answers 401 without a
 * session, never a login redirect.
 */
public final class WhoAmIServlet extends HttpServlet {

    public static final String PATH = "/rest/sandbox/1/whoami";
    private static final long serialVersionUID = 1L;

    private final transient SandboxSessionLogin sessionLogin;
    private final transient SandboxUserDirectory directory;

    public WhoAmIServlet(SandboxSessionLogin sessionLogin, SandboxUserDirectory directory) {
        this.sessionLogin = sessionLogin;
        this.directory = directory;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<SandboxUser> account = sessionLogin.loggedInUsername(request).flatMap(directory::account);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=UTF-8");
        if (account.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.getWriter().write("{\"error\":\"not logged in\"}");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", account.get().username());
        body.put("displayName", account.get().user().displayName());
        body.put("email", account.get().user().email());
        body.put("groups", account.get().groups().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList());
        response.getWriter().write(Json.value(body));
    }
}
