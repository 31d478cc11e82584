package io.lanyard.plugin.web;

import com.atlassian.annotations.security.UnrestrictedAccess;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.signin.SignInPage;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The logged-out page at {@code LanyardPaths.LOGGED_OUT}: where a logout ends (the logout work redirects here), so that
 * the product's login page does not at once send the person back to the identity provider. Says they are signed out
 * and offers to sign in again. Never cached; touches no session.
 */
@UnrestrictedAccess
public final class LoggedOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient SignInTemplates templates;
    private final transient LoginPage loginPage;

    LoggedOutServlet(SignInTemplates templates, LoginPage loginPage) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.loginPage = Objects.requireNonNull(loginPage, "loginPage");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String signInAgain = request.getContextPath() + loginPage.primaryPath();
        String html = templates.render(SignInPage.LOGGED_OUT, Map.of("signInAgainUrl", signInAgain));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(html);
    }
}
