package io.lanyard.plugin.admin;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.plugin.web.LanyardText;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    static final String POLICY = "default-src 'none'; frame-ancestors 'none'";

    private final transient AdminGuard guard;
    private final transient ApiResources resources;
    private final transient LanyardText text;
    private final transient ApiJson json = new ApiJson();
    private final transient AdminGuard.Refusal refusal = new JsonRefusal();

    ApiServlet(AdminGuard guard, ApiResources resources, LanyardText text) {
        this.guard = guard;
        this.resources = resources;
        this.text = text;
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
        switch (first) {
            case "xsrf":
                requireMethod(method, path.size() == 1, "GET");
                return resources.xsrfToken(request);
            case "idps":
                return identityProviders(request, path.subList(1, path.size()), method);
            case "connectors":
                return connectors(request, path.subList(1, path.size()), method);
            case "discovery":
                requireMethod(method, path.size() == 1, "POST");
                return resources.discover(json.read(request, DiscoveryRequest.class).asMap());
            case "export":
                requireMethod(method, path.size() == 1, "GET");
                return resources.export();
            case "import":
                requireMethod(method, path.size() == 1, "POST");
                return resources.importConfiguration(request, json.read(request, ConfigurationJson.class));
            default:
                throw notFound();
        }
    }

    private ApiResources.Result identityProviders(HttpServletRequest request, List<String> path, String method)
            throws IOException {
        if (path.isEmpty()) {
            if ("GET".equals(method)) {
                return resources.listIdentityProviders();
            }
            requireMethod(method, true, "POST");
            return resources.createIdentityProvider(request, json.read(request, IdentityProviderJson.class));
        }
        String id = path.get(0);
        if (!AdminPaths.isId(id) || path.size() > 2) {
            throw notFound();
        }
        if (path.size() == 2) {
            requireMethod(method, path.get(1).equals("test"), "POST");
            return resources.testIdentityProvider(id);
        }
        switch (method) {
            case "GET":
                return resources.getIdentityProvider(id);
            case "PUT":
                return resources.updateIdentityProvider(request, id, json.read(request, IdentityProviderJson.class));
            case "DELETE":
                return resources.deleteIdentityProvider(request, id);
            default:
                throw methodNotAllowed();
        }
    }

    private ApiResources.Result connectors(HttpServletRequest request, List<String> path, String method)
            throws IOException {
        if (path.isEmpty()) {
            if ("GET".equals(method)) {
                return resources.listConnectors();
            }
            requireMethod(method, true, "POST");
            return resources.createConnector(request, json.read(request, EntraConnectorJson.class));
        }
        String id = path.get(0);
        if (!AdminPaths.isId(id) || path.size() > 2) {
            throw notFound();
        }
        if (path.size() == 2) {
            requireMethod(method, path.get(1).equals("test"), "POST");
            return resources.testConnector(id);
        }
        switch (method) {
            case "GET":
                return resources.getConnector(id);
            case "PUT":
                return resources.updateConnector(request, id, json.read(request, EntraConnectorJson.class));
            case "DELETE":
                return resources.deleteConnector(request, id);
            default:
                throw methodNotAllowed();
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
