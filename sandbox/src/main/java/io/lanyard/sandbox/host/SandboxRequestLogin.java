package io.lanyard.sandbox.host;

import io.lanyard.plugin.session.RequestLogin;
import java.io.IOException;
import java.security.Principal;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;

/**
 * The sandbox's way of authenticating one request (API access): the rest of the chain sees the user as the request's
 * remote user and in one request attribute; no session is created, no cookie set.
 */
public final class SandboxRequestLogin implements RequestLogin {

    static final String USER_ATTRIBUTE = "io.lanyard.sandbox.bearerUser";

    @Override
    public void proceedAs(String username, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setAttribute(USER_ATTRIBUTE, username);
        Principal principal = () -> username;
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteUser() {
                return username;
            }

            @Override
            public Principal getUserPrincipal() {
                return principal;
            }
        }, response);
    }
}
