package io.lanyard.plugin.admin.signin;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.signin.CustomPages;
import io.lanyard.core.signin.PageTemplate;
import io.lanyard.core.signin.SignInPage;
import io.lanyard.plugin.admin.AdminGuard;
import io.lanyard.plugin.admin.AdminView;
import io.lanyard.plugin.web.Html;
import io.lanyard.plugin.web.SignInTemplates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * "Sign-in" › a page's own template: the administrator's HTML for the chooser, the failure page or the logged-out
 * page, with a preview (rendered with sample values in a sandboxed frame, scripts off) and save or back to the
 * built-in page. A template that cannot be used is refused at save with LNY-810 and nothing is written; one changed by
 * hand into something unusable is shown here with its problem, while people get the built-in page.
 */
final class PageTemplateEditor {

    static final String PATH = "page";
    /**
     * The preview's own policy: a sandbox without scripts (the administrator's HTML may hold anything), styles and
     * images as a page of theirs would use them, nothing sent anywhere.
     */
    static final String PREVIEW_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline' https:; "
            + "img-src https: data:; font-src https: data:; form-action 'none'; frame-ancestors 'self'";

    private final SignInTemplates templates;
    private final CustomPages custom;
    private final AdminView view;
    private final AuditSink audit;
    private final Clock clock;

    PageTemplateEditor(SignInTemplates templates, AdminView view, AuditSink audit, Clock clock) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.custom = templates.custom();
        this.view = Objects.requireNonNull(view, "view");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Each page's state, for the Sign-in tab. */
    List<Map<String, Object>> overview() {
        List<Map<String, Object>> pages = new ArrayList<>();
        for (SignInPage page : SignInPage.values()) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", page.id());
            CustomPages.State state = custom.state(page);
            row.put("state", stateName(state));
            row.put("problem", state instanceof CustomPages.Broken broken ? broken.problem().getMessage() : "");
            row.put("file", custom.file(page).map(Object::toString).orElse(""));
            pages.add(row);
        }
        return pages;
    }

    /** {@code page/<id>} (GET: the editor; POST: save or remove) and {@code page/<id>/preview} (POST). */
    void handle(HttpServletRequest request, HttpServletResponse response, List<String> path, boolean post, String who)
            throws IOException {
        Optional<SignInPage> page = SignInPage.byId(path.get(0));
        if (page.isEmpty() || path.size() > 2 || (path.size() == 2 && !(post && path.get(1).equals("preview")))) {
            view.refusal(request, response, HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND);
        } else if (path.size() == 2) {
            preview(request, response, page.get());
        } else if (!post) {
            String source;
            try {
                source = custom.source(page.get()).orElse("");
            } catch (LanyardException unreadable) {
                source = "";
            }
            show(request, response, HttpServletResponse.SC_OK, page.get(), source, Optional.empty());
        } else if ("remove".equals(request.getParameter("action"))) {
            change(request, response, page.get(), "", () -> custom.remove(page.get()), "page_removed", who);
        } else {
            String source = Optional.ofNullable(request.getParameter("source")).orElse("");
            change(request, response, page.get(), source, () -> custom.save(page.get(), source), "page_saved", who);
        }
    }

    private void change(HttpServletRequest request, HttpServletResponse response, SignInPage page, String source,
            Runnable change, String done, String who) throws IOException {
        if (custom.file(page).isEmpty()) {
            show(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, page, source,
                    Optional.of(new LanyardException(ErrorCode.CONFIG_WRITE_FAILED, "Lanyard has no folder")));
            return;
        }
        try {
            change.run();
        } catch (LanyardException e) {
            show(request, response, e.errorCode().httpStatus(), page, source, Optional.of(e));
            return;
        }
        audit.record(AuditEvent.of(AuditEventType.SETTINGS_CHANGED, clock.instant()).actor(who)
                .detail("page", page.id()).detail("template", done.equals("page_saved") ? "saved" : "removed").build());
        view.redirect(request, response, "/" + SignInPages.PATH + "?done=" + done);
    }

    /** The submitted template with sample values, as its own document under a policy that keeps it inert. */
    private void preview(HttpServletRequest request, HttpServletResponse response, SignInPage page) throws IOException {
        String source = Optional.ofNullable(request.getParameter("source")).orElse("");
        String html;
        int status = HttpServletResponse.SC_OK;
        try {
            html = PageTemplate.parse(page, source).render(templates.sample(page, contextPath(request)));
        } catch (LanyardException e) {
            status = HttpServletResponse.SC_BAD_REQUEST;
            html = "<!DOCTYPE html><p id=\"preview-problem\">" + Html.escape(e.errorCode().code() + " "
                    + e.getMessage()) + "</p>";
        }
        AdminGuard.securityHeaders(response, PREVIEW_POLICY);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, SignInPage page,
            String source, Optional<LanyardException> failure) throws IOException {
        Map<String, Object> data = new HashMap<>();
        data.put("page", page.id());
        data.put("source", source);
        CustomPages.State state = custom.state(page);
        data.put("state", stateName(state));
        data.put("problem", state instanceof CustomPages.Broken broken ? broken.problem().getMessage() : "");
        List<String> variables = new ArrayList<>(new TreeSet<>(page.variables()));
        if (page == SignInPage.CHOOSER) {
            variables.addAll(new TreeSet<>(SignInPage.PROVIDER_FIELDS).stream().map(f -> "providers." + f).toList());
        }
        data.put("variables", variables);
        data.put("file", custom.file(page).map(Object::toString).orElse(""));
        failure.ifPresent(e -> data.put("failure", Map.of("code", e.errorCode().code(), "detail", e.getMessage())));
        view.show(request, response, status, SignInPages.PATH, "signInPageTemplate", data);
    }

    private static String stateName(CustomPages.State state) {
        if (state instanceof CustomPages.Custom) {
            return "CUSTOM";
        }
        return state instanceof CustomPages.Broken ? "BROKEN" : "BUILT_IN";
    }

    private static String contextPath(HttpServletRequest request) {
        return request.getContextPath() == null ? "" : request.getContextPath();
    }
}
