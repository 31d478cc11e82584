package io.lanyard.sandbox.app;

import io.lanyard.plugin.session.WebSudoSessions;
import io.lanyard.plugin.web.Html;
import io.lanyard.sandbox.host.SandboxSessionLogin;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * The sandbox's stand-in for a product's WebSudo, shaped like Confluence's: an administration area ({@link #AREA})
 * that wants the password again, through a prompt ({@link #PROMPT}{@code ?destination=…}) whose right password starts
 * a WebSudo session of {@link #LIFETIME}. Lanyard's {@code WebSudoPromptFilter} sits on the prompt, as on Confluence's,
 * and {@link #start} is what Lanyard calls once the provider has confirmed the person again.
 */
public final class SandboxWebSudo implements WebSudoSessions {

    public static final String AREA = "/secure/admin";
    public static final String PROMPT = "/authenticate";
    static final String ATTRIBUTE = "sandbox.websudo.started-at";
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final SandboxSessionLogin sessions;
    private final SandboxUserDirectory directory;

    public SandboxWebSudo(SandboxSessionLogin sessions, SandboxUserDirectory directory) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public void start(HttpServletRequest request, HttpServletResponse response) {
        request.getSession().setAttribute(ATTRIBUTE, Instant.now());
    }

    private static boolean active(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof Instant at
                && at.plus(LIFETIME).isAfter(Instant.now());
    }

    /** The area: its page inside a WebSudo session, else the prompt (and the login first for nobody). */
    public HttpServlet area() {
        return new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                Optional<String> user = sessions.loggedInUsername(request);
                if (user.isEmpty()) {
                    Pages.redirectToLogin(request, response);
                } else if (!active(request)) {
                    response.setHeader("Cache-Control", "no-store");
                    response.sendRedirect(request.getContextPath() + PROMPT + "?destination="
                            + URLEncoder.encode(AREA, StandardCharsets.UTF_8));
                } else {
                    Pages.write(response, 200, "Administration", "<h1 id=\"websudo-area\">Administration (WebSudo) as "
                            + Html.escape(user.get()) + "</h1>");
                }
            }
        };
    }

    /** The product's own prompt: the password again (what people signed in through a provider never see). */
    public HttpServlet prompt() {
        return new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                form(response, request.getParameter("destination"), "");
            }

            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                Optional<String> user = sessions.loggedInUsername(request);
                String destination = Pages.localDestination(request.getParameter("destination"));
                if (user.isPresent() && directory.authenticate(user.get(), request.getParameter("password")).isPresent()) {
                    start(request, response);
                    response.sendRedirect(request.getContextPath() + destination);
                } else {
                    form(response, destination, "<p id=\"websudo-error\">Wrong password.</p>\n");
                }
            }

            private void form(HttpServletResponse response, String destination, String error) throws IOException {
                Pages.write(response, 200, "Confirm your password", "<h1>Confirm your password</h1>\n" + error
                        + "<form id=\"websudo-prompt\" method=\"post\"><input type=\"hidden\" name=\"destination\" value=\""
                        + Html.escape(Pages.localDestination(destination)) + "\"><label>Password <input name=\"password\" "
                        + "type=\"password\"></label> <button type=\"submit\">Confirm</button></form>");
            }
        };
    }
}
