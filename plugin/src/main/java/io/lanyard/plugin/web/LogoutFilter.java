package io.lanyard.plugin.web;

import com.atlassian.annotations.security.UnrestrictedAccess;
import io.lanyard.core.login.LogoutService;
import io.lanyard.core.session.LanyardSession;
import io.lanyard.plugin.session.RememberMe;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

/**
 * Mapped to the host's logout URL only: removes the remember-me cookie, then lets the host log out as usual.
 * Without this a browser that logged out here would come back logged in through the cookie, even after the
 * person's account was switched off at the identity provider.
 *
 * <p>RP-Initiated Logout 1.0: when the session was logged in by a provider configured to log out "also at the
 * provider", the host's own logout runs first (its session, its cookies), and where it would send the browser next
 * Lanyard sends it to the provider's {@code end_session_endpoint} instead, with a {@code state} kept in a cookie
 * ({@link LogoutStateCookie}) for the way back. The ID token for {@code id_token_hint} is read from the session before
 * the host ends it, and is gone with it.
 */
@UnrestrictedAccess
public final class LogoutFilter implements Filter {

    private final RememberMe rememberMe;
    private final Optional<LogoutService> logouts;
    private final LogoutStateCookie stateCookie;

    /** Local logout only: the remember-me cookie. */
    public LogoutFilter(RememberMe rememberMe) {
        this(rememberMe, Optional.empty(), null);
    }

    LogoutFilter(RememberMe rememberMe, Optional<LogoutService> logouts, LogoutStateCookie stateCookie) {
        this.rememberMe = Objects.requireNonNull(rememberMe, "rememberMe");
        this.logouts = Objects.requireNonNull(logouts, "logouts");
        this.stateCookie = stateCookie;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest httpRequest = (HttpServletRequest) request;
        HttpServletResponse httpResponse = (HttpServletResponse) response;
        rememberMe.forget(httpRequest, httpResponse);
        Optional<URI> atProvider = endSessionRedirect(httpRequest, httpResponse);
        if (atProvider.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        httpResponse.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, new ToProvider(httpResponse, atProvider.get()));
        if (!httpResponse.isCommitted()) {
            httpResponse.sendRedirect(atProvider.get().toASCIIString()); // the host showed a page instead
        }
    }

    private Optional<URI> endSessionRedirect(HttpServletRequest request, HttpServletResponse response) {
        LanyardSession session = SessionRevocationFilter.lanyardSession(request);
        if (session == null || logouts.isEmpty()) {
            return Optional.empty();
        }
        String state = LogoutStateCookie.newState(session.identityProviderId());
        Optional<URI> redirect = logouts.get().endSessionRedirect(session, state);
        redirect.ifPresent(uri -> stateCookie.save(response, state));
        return redirect;
    }

    /** The host's response, whose redirect after its logout goes to the provider instead. */
    private static final class ToProvider extends HttpServletResponseWrapper {

        private final URI provider;

        ToProvider(HttpServletResponse response, URI provider) {
            super(response);
            this.provider = provider;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(provider.toASCIIString());
        }
    }
}
