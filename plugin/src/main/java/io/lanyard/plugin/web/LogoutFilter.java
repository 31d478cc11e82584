package io.lanyard.plugin.web;

import com.atlassian.annotations.security.UnrestrictedAccess;
import io.lanyard.plugin.session.RememberMe;
import java.io.IOException;
import java.util.Objects;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Mapped to the host's logout URL only: removes the remember-me cookie, then lets the host log out as usual.
 * Without this a browser that logged out here would come back logged in through the cookie, even after the
 * person's account was switched off at the identity provider.
 */
@UnrestrictedAccess
public final class LogoutFilter implements Filter {

    private final RememberMe rememberMe;

    public LogoutFilter(RememberMe rememberMe) {
        this.rememberMe = Objects.requireNonNull(rememberMe, "rememberMe");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest && response instanceof HttpServletResponse) {
            rememberMe.forget((HttpServletRequest) request, (HttpServletResponse) response);
        }
        chain.doFilter(request, response);
    }
}
