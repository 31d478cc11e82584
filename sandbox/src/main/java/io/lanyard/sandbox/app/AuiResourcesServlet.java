package io.lanyard.sandbox.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Serves AUI's stylesheet, fonts and images (from the {@code @atlassian/aui} npm package, unpacked into the sandbox
 * jar at build time under {@code aui/}) at {@value #PATH}, so that the admin pages look as in the products, where
 * the host brings AUI. Only plain file names of known types below that folder are served.
 */
public final class AuiResourcesServlet extends HttpServlet {

    public static final String PATH = "/aui";
    /** What the admin pages link. */
    public static final String STYLESHEET = PATH + "/aui-prototyping.css";
    private static final long serialVersionUID = 1L;
    private static final Pattern SAFE_PATH = Pattern.compile("(?:[a-z]+/)?[A-Za-z0-9._-]+");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css;charset=UTF-8", "js", "text/javascript;charset=UTF-8", "woff", "font/woff",
            "ttf", "font/ttf", "eot", "application/vnd.ms-fontobject", "svg", "image/svg+xml", "png", "image/png",
            "gif", "image/gif");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String type = TYPES.get(extension(path));
        if (type == null || !SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (InputStream in = AuiResourcesServlet.class.getClassLoader().getResourceAsStream("aui/" + path)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(type);
            response.setHeader("Cache-Control", "public, max-age=86400");
            response.setHeader("X-Content-Type-Options", "nosniff");
            in.transferTo(response.getOutputStream());
        }
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
