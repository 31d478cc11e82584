package io.lanyard.plugin.admin.api;

import com.atlassian.annotations.security.SystemAdminOnly;
import io.lanyard.core.LanyardPaths;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.Integration;
import io.lanyard.core.config.change.ConfigurationService;
import io.lanyard.core.config.change.SettingsService;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.signin.EmergencyAccessFile;
import io.lanyard.plugin.admin.AdminGuard;
import io.lanyard.plugin.admin.AdminPaths;
import io.lanyard.plugin.admin.XsrfTokens;
import io.lanyard.plugin.admin.integration.IntegrationAdmin;
import io.lanyard.plugin.admin.integration.IntegrationAdmins;
import io.lanyard.plugin.admin.integration.SecretSections;
import io.lanyard.plugin.dirsync.DirectorySyncs;
import io.lanyard.plugin.web.LanyardText;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON API at {@link LanyardPaths#API} (documented in docs/admin-api.md). Same checks as the pages
 * ({@link AdminGuard}); state-changing requests carry the session's XSRF token in the {@value XsrfTokens#HEADER}
 * header. Errors are {@code {"error": {"code", "title", "message", "fields"}}} with a stable code.
 */
// Platform 7 hosts read this; the servlet checks system administrators itself on every request (AdminGuard).
@SystemAdminOnly
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    static final String POLICY = "default-src 'none'; frame-ancestors 'none'";

    private final transient AdminGuard guard;
    private final transient ApiResources resources;
    private final transient IntegrationAdmins integrations;
    private final transient LanyardText text;
    private final transient ApiJson json = new ApiJson();
    private final transient AdminGuard.Refusal refusal = new JsonRefusal();
    private final transient SettingsApi settings;
    private final transient DirectorySyncApi directorySyncs;

    /**
     * @param settings        {@code settings.xml} in force
     * @param emergencyFile   the emergency file of Lanyard's folder (shown with the settings)
     * @param audit           where changes of the settings are reported
     */
    public ApiServlet(AdminGuard guard, ConfigurationService configuration, IntegrationAdmins integrations,
            SecretSections secrets, LanyardText text, SettingsService settings, EmergencyAccessFile emergencyFile,
            AuditSink audit, Clock clock) {
        this(guard, configuration, integrations, secrets, text, settings, emergencyFile, audit, clock,
                DirectorySyncs.none());
    }

    /** @param directorySyncs the connectors' directory syncs ("Sync now", "Preview", progress and reports) */
    public ApiServlet(AdminGuard guard, ConfigurationService configuration, IntegrationAdmins integrations,
            SecretSections secrets, LanyardText text, SettingsService settings, EmergencyAccessFile emergencyFile,
            AuditSink audit, Clock clock, DirectorySyncs directorySyncs) {
        this.directorySyncs = new DirectorySyncApi(directorySyncs);
        this.guard = guard;
        this.resources = new ApiResources(configuration, integrations, secrets, guard);
        this.integrations = integrations;
        this.text = text;
        this.settings = new SettingsApi(settings, emergencyFile, audit, clock);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AdminGuard.securityHeaders(response, POLICY);
        if (!guard.admit(request, response, refusal, guard.xsrf().isValidHeader(request))) {
            return;
        }
        ApiResources.Result result;
        try {
            result = route(request, AdminPaths.segments(request, LanyardPaths.API), request.getMethod());
        } catch (ApiException e) {
            writeError(response, e.status(), e.code(), e.getMessage(), e.fields());
            return;
        } catch (LanyardException e) {
            LOG.warn("Lanyard API request failed: {} {}", e.errorCode(), e.getMessage());
            writeError(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, e.errorCode(), text.title(e.errorCode()),
                    List.of());
            return;
        }
        json.write(response, result.status(), result.body());
    }

    private ApiResources.Result route(HttpServletRequest request, List<String> path, String method) throws IOException {
        String first = path.isEmpty() ? "" : path.get(0);
        Optional<IntegrationAdmin<?, ?>> kind = integrations.all().stream()
                .filter(admin -> admin.names().api().equals(first)).findFirst();
        if (kind.isPresent()) {
            return integrations(request, kind.get(), path.subList(1, path.size()), method);
        }
        switch (first) {
            case "xsrf":
                requireMethod(method, path.size() == 1, "GET");
                return resources.xsrfToken(request);
            case "discovery":
                requireMethod(method, path.size() == 1, "POST");
                return resources.discover(json.read(json.body(request), DiscoveryRequest.class).asMap());
            case "export":
                requireMethod(method, path.size() == 1, "GET");
                return resources.export();
            case "import":
                requireMethod(method, path.size() == 1, "POST");
                return resources.importConfiguration(who(request), json.read(json.body(request),
                        ConfigurationJson.class));
            case "settings":
                return settings(request, path, method);
            case "ciTokenTest":
                requireMethod(method, path.size() == 1, "POST");
                return resources.ciTokenTest(json.read(json.body(request), CiTokenTestRequest.class).token());
            case "dirsync":
                return directorySync(request, path, method);
            default:
                throw notFound();
        }
    }

    /** {@code dirsync/<connector>} (GET) and {@code dirsync/<connector>/run} (POST). */
    private ApiResources.Result directorySync(HttpServletRequest request, List<String> path, String method)
            throws IOException {
        if (path.size() < 2 || path.size() > 3 || !AdminPaths.isId(path.get(1))) {
            throw notFound();
        }
        if (path.size() == 2) {
            requireMethod(method, true, "GET");
            return directorySyncs.status(path.get(1));
        }
        requireMethod(method, path.get(2).equals("run"), "POST");
        return directorySyncs.run(who(request), path.get(1), json.read(json.body(request),
                DirectorySyncApi.RunRequest.class));
    }

    /** {@code settings} (GET, PUT) and {@code settings/emergency-access/open} (POST, DELETE). */
    private ApiResources.Result settings(HttpServletRequest request, List<String> path, String method)
            throws IOException {
        if (path.size() == 1) {
            if ("GET".equals(method)) {
                return settings.get();
            }
            requireMethod(method, true, "PUT");
            return settings.put(who(request), json.read(json.body(request), SettingsApi.SettingsJson.class));
        }
        boolean open = path.size() == 3 && path.get(1).equals("emergency-access") && path.get(2).equals("open");
        if (open && "DELETE".equals(method)) {
            return settings.close(who(request));
        }
        requireMethod(method, open, "POST");
        return settings.open(who(request), json.read(json.body(request), SettingsApi.OpenRequest.class));
    }

    /** The same routes for every kind of integration: {@code <kind>}, {@code <kind>/<id>}, {@code <kind>/<id>/test}. */
    private ApiResources.Result integrations(HttpServletRequest request, IntegrationAdmin<?, ?> admin,
            List<String> path, String method) throws IOException {
        if (path.isEmpty()) {
            if ("GET".equals(method)) {
                return resources.list(admin);
            }
            requireMethod(method, true, "POST");
            return create(who(request), admin, json.body(request));
        }
        String id = path.get(0);
        if (!AdminPaths.isId(id) || path.size() > 2) {
            throw notFound();
        }
        if (path.size() == 2) {
            requireMethod(method, path.get(1).equals("test"), "POST");
            return resources.test(admin, id);
        }
        switch (method) {
            case "GET":
                return resources.get(admin, id);
            case "PUT":
                return update(who(request), admin, id, json.body(request));
            case "DELETE":
                return resources.delete(who(request), admin, id);
            default:
                throw methodNotAllowed();
        }
    }

    private <C extends Integration> ApiResources.Result create(String who, IntegrationAdmin<C, ?> admin, byte[] body)
            throws IOException {
        return resources.create(who, admin, json.read(body, admin.jsonType()));
    }

    private <C extends Integration> ApiResources.Result update(String who, IntegrationAdmin<C, ?> admin, String id,
            byte[] body) throws IOException {
        return resources.update(who, admin, id, json.read(body, admin.jsonType()));
    }

    private String who(HttpServletRequest request) {
        return guard.username(request).orElse("-");
    }

    /** The body of {@code POST ciTokenTest}: a CI job token, checked and forgotten (never logged or answered). */
    record CiTokenTestRequest(String token) {
        @Override
        public String toString() {
            return "CiTokenTestRequest[token=…]";
        }
    }

    /** The body of {@code POST discovery}. */
    record DiscoveryRequest(String url) {
        Map<String, String> asMap() {
            Map<String, String> map = new LinkedHashMap<>();
            map.put("url", url);
            return map;
        }
    }

    private static void requireMethod(String method, boolean pathMatches, String allowed) {
        if (!pathMatches) {
            throw notFound();
        }
        if (!allowed.equals(method)) {
            throw methodNotAllowed();
        }
    }

    private static ApiException notFound() {
        return new ApiException(HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND, "no such resource");
    }

    private static ApiException methodNotAllowed() {
        return new ApiException(HttpServletResponse.SC_METHOD_NOT_ALLOWED, ErrorCode.ADMIN_METHOD_NOT_ALLOWED,
                "this method is not allowed here");
    }

    private void writeError(HttpServletResponse response, int status, ErrorCode code, String message,
            List<FieldError> fields) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code.code());
        error.put("title", text.title(code));
        error.put("message", message);
        error.put("fields", fields.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        json.write(response, status, Map.of("error", error));
    }

    /** Anonymous: 401, never a redirect (scripts do not follow login pages). */
    private final class JsonRefusal implements AdminGuard.Refusal {

        @Override
        public void loginRequired(HttpServletRequest request, HttpServletResponse response) throws IOException {
            writeError(response, HttpServletResponse.SC_UNAUTHORIZED, ErrorCode.ADMIN_LOGIN_REQUIRED,
                    text.advice(ErrorCode.ADMIN_LOGIN_REQUIRED), List.of());
        }

        @Override
        public void refuse(HttpServletRequest request, HttpServletResponse response, int status, ErrorCode code)
                throws IOException {
            writeError(response, status, code, text.advice(code), List.of());
        }
    }

}
