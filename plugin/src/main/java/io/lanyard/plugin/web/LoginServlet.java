package io.lanyard.plugin.web;

import com.atlassian.annotations.security.UnrestrictedAccess;
import io.lanyard.core.config.ConfigurationHolder;
import java.io.IOException;
import java.util.Objects;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Lanyard's own login entry at {@code LanyardPaths.LOGIN}: without {@code idp} it shows the chooser of enabled
 * providers; with {@code idp} it starts the login there. {@code return} carries the page the user wanted.
 */
@UnrestrictedAccess
public final class LoginServlet extends HttpServlet {

    static final String IDP_PARAMETER = "idp";
    static final String RETURN_PARAMETER = "return";
    private static final long serialVersionUID = 1L;

    private final transient ConfigurationHolder configuration;
    private final transient LoginFilter loginFilter;
    private final transient ChooserPage chooserPage;

    /** @param loginFilter where a login starts, from the host's login page and from here alike */
    LoginServlet(ConfigurationHolder configuration, LoginFilter loginFilter, ChooserPage chooserPage) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.loginFilter = Objects.requireNonNull(loginFilter, "loginFilter");
        this.chooserPage = Objects.requireNonNull(chooserPage, "chooserPage");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String identityProviderId = request.getParameter(IDP_PARAMETER);
        String requestedReturn = request.getParameter(RETURN_PARAMETER);
        if (identityProviderId != null && !identityProviderId.isEmpty()) {
            loginFilter.start(request, response, identityProviderId, requestedReturn);
            return;
        }
        String html = chooserPage.render(request.getContextPath(),
                configuration.refreshed().enabledIdentityProviders(), requestedReturn);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(html);
    }
}
