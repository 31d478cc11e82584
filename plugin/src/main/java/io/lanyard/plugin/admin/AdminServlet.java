package io.lanyard.plugin.admin;

import com.atlassian.annotations.security.SystemAdminOnly;
import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.LoginPage;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin pages at {@link LanyardPaths#ADMIN}: one {@link AdminPages} section per tab, the first being the entry
 * page ("IdP integration", then "Cloud integration"). Every request passes {@link AdminGuard} first, static files
 * included. Thread-safe; no state of a request in fields.
 */
// Platform 7 hosts read this; the servlet checks system administrators itself on every request (AdminGuard).
@SystemAdminOnly
public final class AdminServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AdminServlet.class);

    private final transient AdminGuard guard;
    private final transient AdminView view;
    private final transient List<AdminPages> sections;
    private final transient StaticResources statics;
    private final transient LoginPage loginPage;
    private final transient AdminGuard.Refusal refusal = new PageRefusal();

    /** @param sections the tabs, in order; the first is the entry page */
    public AdminServlet(AdminGuard guard, AdminView view, List<AdminPages> sections, StaticResources statics,
            LoginPage loginPage) {
        this.guard = guard;
        this.view = view;
        this.sections = List.copyOf(sections);
        this.statics = statics;
        this.loginPage = loginPage;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod()) && !"POST".equals(request.getMethod())) {
            AdminGuard.securityHeaders(response, view.layout().contentSecurityPolicy());
            response.setHeader("Allow", "GET, POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        boolean post = "POST".equals(request.getMethod());
        if (!guard.admit(request, response, refusal, post && guard.xsrf().isValidForm(request))) {
            return;
        }
        try {
            route(request, response, AdminPaths.segments(request, LanyardPaths.ADMIN));
        } catch (ConfigurationException e) {
            LOG.warn("Lanyard administration: {}", e.getMessage());
            view.refusal(request, response, HttpServletResponse.SC_BAD_REQUEST, e.errorCode());
        } catch (LanyardException e) {
            LOG.warn("Lanyard administration failed: {} {}", e.errorCode(), e.getMessage());
            view.refusal(request, response, e.errorCode() == ErrorCode.ADMIN_NOT_FOUND
                    ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_INTERNAL_SERVER_ERROR, e.errorCode());
        }
    }

    private void route(HttpServletRequest request, HttpServletResponse response, List<String> path) throws IOException {
        String first = path.isEmpty() ? "" : path.get(0);
        List<String> rest = path.isEmpty() ? List.of() : path.subList(1, path.size());
        boolean get = "GET".equals(request.getMethod());
        Optional<AdminPages> section = sections.stream().filter(pages -> pages.path().equals(first)).findFirst();
        if (first.isEmpty() && get) {
            sections.get(0).handle(request, response, List.of());
        } else if (section.isPresent()) {
            section.get().handle(request, response, rest);
        } else if (first.equals("static") && get && rest.size() == 1
                && statics.serve(rest.get(0), response, view.layout().contentSecurityPolicy())) {
            return;
        } else {
            view.refusal(request, response, HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND);
        }
    }

    /** Anonymous: to the host's login page and back here; otherwise a page with the code. */
    private final class PageRefusal implements AdminGuard.Refusal {

        @Override
        public void loginRequired(HttpServletRequest request, HttpServletResponse response) {
            String contextPath = AdminView.contextPath(request);
            String back = LanyardPaths.ADMIN;
            AdminGuard.securityHeaders(response, view.layout().contentSecurityPolicy());
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", contextPath + loginPage.primaryPath() + "?" + loginPage.returnParameter()
                    + "=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
        }

        @Override
        public void refuse(HttpServletRequest request, HttpServletResponse response, int status, ErrorCode code)
                throws IOException {
            view.refusal(request, response, status, code);
        }
    }

}
