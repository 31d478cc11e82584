package io.lanyard.plugin.web;

import javax.servlet.http.HttpServletRequest;

/**
 * Path tests on the raw request URI that allocate nothing: the login filter runs on every request of the host,
 * so it compares regions of the URI instead of building substrings or running regular expressions.
 */
final class RequestPaths {

    private RequestPaths() {
    }

    /**
     * Whether the request's URI, after the context path, is exactly {@code path}, optionally followed by
     * servlet path parameters ({@code ;jsessionid=…}).
     *
     * <p>The context path comes from the {@code ServletContext}, not from the request: Tomcat's
     * {@code HttpServletRequest.getContextPath()} re-derives it from the raw URI for every call in a non-root
     * context (substrings, decoding), which is what this test must not cost. A raw URI that spells the context
     * path differently (encoded, with path parameters) then does not match and simply passes through to the host.
     */
    static boolean isPath(HttpServletRequest request, String path) {
        String uri = request.getRequestURI();
        if (uri == null) {
            return false;
        }
        String contextPath = request.getServletContext().getContextPath();
        int start = contextPath == null ? 0 : contextPath.length();
        return (start == 0 || uri.startsWith(contextPath)) && isPathAt(uri, start, path);
    }

    static boolean isPathAt(String uri, int start, String path) {
        int end = start + path.length();
        if (uri.length() < end || !uri.regionMatches(start, path, 0, path.length())) {
            return false;
        }
        return uri.length() == end || uri.charAt(end) == ';';
    }

    /**
     * The segment following {@code prefix} in the request URI (after the context path), without servlet path
     * parameters; {@code null} if the URI does not start with the prefix.
     */
    static String segmentAfter(HttpServletRequest request, String prefix) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        int start = contextPath == null ? 0 : contextPath.length();
        if (uri == null || !uri.startsWith(prefix, start)) {
            return null;
        }
        int from = start + prefix.length();
        int end = uri.indexOf(';', from);
        return uri.substring(from, end < 0 ? uri.length() : end);
    }
}
