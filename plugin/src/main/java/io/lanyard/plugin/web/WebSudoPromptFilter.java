package io.lanyard.plugin.web;

import com.atlassian.annotations.security.UnrestrictedAccess;
import io.lanyard.core.config.change.SettingsService;
import io.lanyard.core.session.LanyardSession;
import java.io.IOException;
import java.util.Objects;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * On the product's WebSudo password prompt (registered at its address only: Confluence {@code /authenticate.action},
 * Jira {@code /secure/admin/WebSudoAuthenticate!default.jspa}, docs/host-evidence.md 3.1): a person signed in through
 * an identity provider, who may have no password, is sent to {@link ReauthenticateServlet} instead, with the page the
 * prompt was for. Anyone signed in with a password, a POST (the prompt's own form), {@code lanyard_native=1} or
 * {@code REAUTHENTICATE_AT_PROVIDER=false} gets the product's prompt.
 */
@UnrestrictedAccess
public final class WebSudoPromptFilter implements Filter {

    private final String destinationParameter;
    private final SettingsService settings;

    /** @param destinationParameter where the prompt takes the page it protects: {@code destination}, Jira's {@code webSudoDestination} */
    public WebSudoPromptFilter(String destinationParameter, SettingsService settings) {
        this.destinationParameter = Objects.requireNonNull(destinationParameter, "destinationParameter");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && "GET".equals(http.getMethod()) && signedInThroughProvider(http)
                && !"1".equals(http.getParameter(ErrorPage.NATIVE_LOGIN_PARAMETER))
                && settings.current().signIn().reauthenticateAtProvider()) {
            String target = UrlParameters.withParameter(ReauthenticateServlet.PATH,
                    ReauthenticateServlet.DESTINATION_PARAMETER,
                    ReauthenticateServlet.onSite(http.getParameter(destinationParameter)));
            HttpServletResponse httpResponse = (HttpServletResponse) response;
            httpResponse.setHeader("Cache-Control", "no-store");
            httpResponse.sendRedirect(http.getContextPath() + target);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean signedInThroughProvider(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(LanyardSession.ATTRIBUTE) instanceof LanyardSession;
    }
}
