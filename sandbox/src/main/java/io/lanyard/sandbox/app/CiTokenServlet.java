package io.lanyard.sandbox.app;

import io.lanyard.sandbox.ci.CiIssuerStandIn;
import io.lanyard.sandbox.ci.CiIssuerStandIn.Ci;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code /rest/sandbox/1/ci-token}: a job token from the sandbox's stand-in CI issuers, as a pipeline step would find
 * it in {@code $BITBUCKET_STEP_OIDC_TOKEN} (README "CI jobs without secrets"). {@code ci=bitbucket} (default),
 * {@code github} or {@code gitlab}; every other parameter sets that claim ({@code branchName=feature/x}), or removes
 * it when empty; {@code exp} and {@code iat} are seconds from now. Only the sandbox has this: it mints tokens for
 * anyone who asks.
 */
public final class CiTokenServlet extends HttpServlet {

    public static final String PATH = "/rest/sandbox/1/ci-token";
    private static final long serialVersionUID = 1L;

    private final transient CiIssuerStandIn standIn;

    public CiTokenServlet(CiIssuerStandIn standIn) {
        this.standIn = standIn;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Ci ci;
        try {
            ci = Ci.valueOf(request.getParameter("ci") == null ? "BITBUCKET"
                    : request.getParameter("ci").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "ci is bitbucket, github or gitlab");
            return;
        }
        Map<String, String> changes = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("ci")) {
                changes.put(name, values[0]);
            }
        });
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(standIn.mint(ci, changes));
    }
}
