package io.lanyard.sandbox.app;

import static io.lanyard.plugin.web.Html.escape;

import io.lanyard.core.host.HostUser;
import io.lanyard.plugin.web.LanyardWeb;
import io.lanyard.sandbox.host.SandboxSessionLogin;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import java.io.IOException;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's own login page at {@code /login}: what Lanyard's filter replaces, and what stays reachable with
 * {@code lanyard_native=1}. GET shows the form, POST checks the in-memory directory.
 */
public final class LocalLoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LocalLoginServlet.class);

    private final transient SandboxSessionLogin sessionLogin;
    private final transient SandboxUserDirectory directory;

    private final transient LanyardWeb lanyard;

    /** @param lanyard draws the "Sign in with …" buttons when single sign-on sits beside this form */
    public LocalLoginServlet(SandboxSessionLogin sessionLogin, SandboxUserDirectory directory, LanyardWeb lanyard) {
        this.sessionLogin = sessionLogin;
        this.directory = directory;
        this.lanyard = lanyard;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        showForm(request, response, HttpServletResponse.SC_OK, "");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<HostUser> user = directory.authenticate(request.getParameter("username"), request.getParameter("password"));
        if (user.isEmpty()) {
            LOG.info("Local login refused");
            showForm(request, response, HttpServletResponse.SC_UNAUTHORIZED,
                    "<p id=\"login-error\">Wrong username or password, or the account is deactivated.</p>\n");
            return;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId(); // session fixation: a new id for the logged-in session
        }
        sessionLogin.logIn(request, response, user.get());
        LOG.info("{} logged in with a local password", user.get().username());
        response.sendRedirect(request.getContextPath()
                + Pages.localDestination(request.getParameter(Pages.RETURN_PARAMETER)));
    }

    private void showForm(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        String destination = request.getParameter(Pages.RETURN_PARAMETER);
        Pages.write(response, status, "Log in",
                "<h1>Log in to the sandbox</h1>\n" + message
                        + "<form id=\"local-login\" method=\"post\" action=\"" + escape(request.getContextPath())
                        + Pages.LOGIN_PATH + "\">\n"
                        + "<input type=\"hidden\" name=\"" + Pages.RETURN_PARAMETER + "\" value=\"" + escape(destination) + "\">\n"
                        + "<label>Username <input name=\"username\" autofocus></label>\n"
                        + "<label>Password <input name=\"password\" type=\"password\"></label>\n"
                        + "<button type=\"submit\">Log in</button>\n</form>\n"
                        + lanyard.loginFormButtons(request.getContextPath(), destination)
                        + "<p>Accounts: alice, bob, admin (carol is deactivated). In this sandbox each password is the "
                        + "username.</p>");
    }
}
