package io.lanyard.plugin.admin;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.host.LoginPage;
import io.lanyard.plugin.web.LanyardText;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Renders admin pages in their frame (tabs, AUI, decorator; without a decorator, a header with the current user and
 * the host's logout link) and writes them with the admin security headers.
 */
public final class AdminView {

    private final AdminTemplates templates;
    private final AdminPageLayout layout;
    private final AdminGuard guard;
    private final LanyardText text;
    private final LoginPage hostPages;

    /** @param hostPages the host's login and logout URLs */
    public AdminView(AdminTemplates templates, AdminPageLayout layout, AdminGuard guard, LanyardText text,
            LoginPage hostPages) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.text = Objects.requireNonNull(text, "text");
        this.hostPages = Objects.requireNonNull(hostPages, "hostPages");
    }

    public AdminPageLayout layout() {
        return layout;
    }

    /** Renders {@code template} with {@code data} plus the frame's values, and writes it. */
    public void show(HttpServletRequest request, HttpServletResponse response, int status, String tab, String template,
            Map<String, ?> data) throws IOException {
        Map<String, Object> all = new HashMap<>(data);
        all.put("frame", frame(request, tab));
        write(response, status, templates.render(template, all));
    }

    /** Renders {@code template} with {@code data} as a piece of a page, to hand to {@link #show} as html data. */
    public Object fragment(String template, Map<String, ?> data) {
        return templates.fragment(template, data);
    }

    /** A refusal (not an administrator, XSRF) as a page; shows the code and what to do, nothing else. */
    public void refusal(HttpServletRequest request, HttpServletResponse response, int status, ErrorCode code)
            throws IOException {
        Map<String, Object> data = new HashMap<>();
        data.put("code", code.code());
        data.put("title", text.title(code));
        data.put("advice", text.advice(code));
        data.put("frame", frame(request, ""));
        write(response, status, templates.render("refusal", data));
    }

    public void redirect(HttpServletRequest request, HttpServletResponse response, String pathBelowAdmin) {
        AdminGuard.securityHeaders(response, layout.contentSecurityPolicy());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", contextPath(request) + LanyardPaths.ADMIN + pathBelowAdmin);
    }

    private Map<String, Object> frame(HttpServletRequest request, String tab) {
        Map<String, Object> frame = new HashMap<>();
        String contextPath = contextPath(request);
        frame.put("contextPath", contextPath);
        frame.put("adminBase", contextPath + LanyardPaths.ADMIN);
        frame.put("decorator", layout.decorator());
        // Paths of our own (the layout's and ours) below the container's context path: trusted to load, which Soy
        // insists on for stylesheet and script URLs. Nothing of the request but the context path is in them.
        frame.put("stylesheets", layout.stylesheets().stream().map(path -> trusted(contextPath + path)).toList());
        String statics = contextPath + LanyardPaths.ADMIN + StaticResources.BASE;
        frame.put("ownCss", trusted(statics + "lanyard-admin.css"));
        frame.put("ownJs", trusted(statics + "lanyard-admin.js"));
        frame.put("tab", tab);
        // Refusal pages are shown to people who may not have a session; a token is made only for admins.
        frame.put("xsrf", tab.isEmpty() ? "" : guard.xsrf().tokenFor(request));
        frame.put("user", guard.currentUser(request).orElse(""));
        frame.put("logoutUrl", contextPath + hostPages.logoutPath());
        return frame;
    }

    private void write(HttpServletResponse response, int status, String html) throws IOException {
        AdminGuard.securityHeaders(response, layout.contentSecurityPolicy());
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter writer = response.getWriter();
        writer.write(html);
        writer.flush();
    }

    private static Object trusted(String url) {
        return AdminTemplates.trusted(url);
    }

    static String contextPath(HttpServletRequest request) {
        return request.getContextPath() == null ? "" : request.getContextPath();
    }
}
