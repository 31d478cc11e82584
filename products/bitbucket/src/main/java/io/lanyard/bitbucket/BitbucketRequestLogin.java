package io.lanyard.bitbucket;

import io.lanyard.plugin.session.RequestLogin;
import java.io.IOException;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * API access on Bitbucket: the bearer filter leaves the account its token acts as in one request attribute, and
 * Bitbucket's authentication asks Lanyard's {@code http-auth-handler} ({@link LanyardAuthenticationHandler}), which
 * answers that account for this request only, without touching the session (docs/host-evidence.md 5.1).
 */
public final class BitbucketRequestLogin implements RequestLogin {

    /** Request: the account of this request's Lanyard bearer token, for {@link LanyardAuthenticationHandler}. */
    static final String BEARER_USERNAME = "io.lanyard.bitbucket.bearer-username";

    @Override
    public void proceedAs(String username, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setAttribute(BEARER_USERNAME, username);
        chain.doFilter(request, response);
    }
}
