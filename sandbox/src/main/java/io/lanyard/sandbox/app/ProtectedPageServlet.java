package io.lanyard.sandbox.app;

import static io.lanyard.plugin.web.Html.escape;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.host.HostUser;
import io.lanyard.sandbox.host.SandboxSessionLogin;
import io.lanyard.sandbox.host.SandboxUser;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import java.io.IOException;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** The demo app's pages ({@code /} and {@code /pages/…}): anonymous browsers go to the login page. */
public final class ProtectedPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient SandboxSessionLogin sessionLogin;
    private final transient SandboxUserDirectory directory;

    public ProtectedPageServlet(SandboxSessionLogin sessionLogin, SandboxUserDirectory directory) {
        this.sessionLogin = sessionLogin;
        this.directory = directory;
    }

    private String groups(String username) {
        return directory.account(username).map(account -> String.join(", ", account.groups().stream()
                .sorted(String.CASE_INSENSITIVE_ORDER).toList())).orElse("");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<HostUser> user = sessionLogin.loggedInUsername(request).flatMap(directory::findByUsername);
        if (user.isEmpty()) {
            Pages.redirectToLogin(request, response);
            return;
        }
        String page = request.getRequestURI().substring(request.getContextPath().length());
        boolean administrator = directory.account(user.get().username()).map(SandboxUser::systemAdministrator).orElse(false);
        String adminLink = administrator
                ? "<a id=\"lanyard-admin\" href=\"" + escape(request.getContextPath()) + LanyardPaths.ADMIN
                        + "\">Lanyard administration</a> · "
                : "";
        Pages.write(response, HttpServletResponse.SC_OK, "Welcome",
                "<h1>Logged in as " + escape(user.get().username()) + "</h1>\n"
                        + "<p>Display name: <span id=\"display-name\">" + escape(user.get().displayName()) + "</span></p>\n"
                        + "<p>E-mail: " + escape(user.get().email()) + "</p>\n"
                        + "<p>Groups: <span id=\"groups\">" + escape(groups(user.get().username())) + "</span></p>\n"
                        + "<p>Page: <code id=\"page\">" + escape(page) + "</code></p>\n"
                        + "<p><a href=\"" + escape(request.getContextPath()) + "/pages/projects\">Projects</a> · "
                        + adminLink
                        + "<a id=\"logout\" href=\"" + escape(request.getContextPath()) + "/logout\">Log out</a></p>");
    }
}
