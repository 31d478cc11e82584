package io.lanyard.plugin.sal;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.plugin.session.RequestLogin;
import java.io.IOException;
import java.security.Principal;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * One request as a user, the way the products' own personal-access-token and OAuth 2.0 provider plugins do it
 * (docs/host-evidence.md 5.1, read, not copied): the product agrees the user may log in, SAL's listener authenticates
 * the request, the request attributes those plugins set mark it as a token request (Confluence's WebSudo lets it
 * through; Seraph's login filter does not run again), the chain runs, and afterwards the session the listener made
 * is invalidated, so that nothing lingers.
 */
public final class SalRequestLogin implements RequestLogin {

    /** Set by the products' token plugins; Confluence's SAL WebSudo lets such a request through. */
    static final String ACCESS_TOKEN_REQUEST = "access.token.request";
    /** Seraph's marker that its login filter has run for this request. */
    static final String ALREADY_FILTERED = "loginfilter.already.filtered";

    private final SalLogin salLogin;

    public SalRequestLogin(SalLogin salLogin) {
        this.salLogin = salLogin;
    }

    @Override
    public void proceedAs(String username, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal principal = salLogin.permittedPrincipal(username, request);
        if (!salLogin.authenticationSuccess(principal, request, response)) {
            throw new LanyardException(ErrorCode.HOST_LOGIN_FAILED,
                    "the product's SAL authentication listener did not take the API request of " + username);
        }
        request.setAttribute(ACCESS_TOKEN_REQUEST, Boolean.TRUE);
        request.setAttribute(ALREADY_FILTERED, Boolean.TRUE);
        response.setHeader("Cache-Control", "private");
        try {
            chain.doFilter(request, response);
        } finally {
            invalidateSession(request);
        }
    }

    private static void invalidateSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // nothing lingers
            }
        }
    }
}
