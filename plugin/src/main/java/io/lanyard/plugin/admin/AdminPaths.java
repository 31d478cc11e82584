package io.lanyard.plugin.admin;

import java.util.List;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;

/**
 * The path segments after a servlet's base path, read from the request URI rather than from {@code getPathInfo()}:
 * the products' servlet modules and the sandbox's Tomcat do not agree on path info, but they agree on the URI.
 */
public final class AdminPaths {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,64}");

    private AdminPaths() {
    }

    /** E.g. {@code ["idp", "GOxX…", "delete"]} for {@code <base>/idp/GOxX…/delete}; empty for the base itself. */
    public static List<String> segments(HttpServletRequest request, String base) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath() == null ? "" : request.getContextPath();
        int start = contextPath.length() + base.length();
        if (uri == null || !uri.startsWith(contextPath + base) || uri.length() <= start) {
            return List.of();
        }
        int end = uri.indexOf(';', start);
        String rest = uri.substring(start, end < 0 ? uri.length() : end);
        if (!rest.startsWith("/")) {
            return List.of("\u0000"); // e.g. /adminx: matches no route
        }
        return rest.length() == 1 ? List.of() : List.of(rest.substring(1).split("/", -1));
    }

    public static boolean isId(String segment) {
        return ID.matcher(segment).matches();
    }
}
