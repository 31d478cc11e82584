package io.lanyard.plugin.web;

import javax.servlet.http.HttpServletRequest;

/**
 * Path tests that allocate nothing: the login filter runs on every request of the host, so it compares regions of
 * strings instead of building substrings or running regular expressions.
 */
final class RequestPaths {

    private RequestPaths() {
    }

    /**
     * Whether the request is for {@code path} (relative to the context path) as the container resolved it: its
     * servlet path followed by its path info. The container has already decoded the URI, removed dot segments and
     * path parameters and merged slashes, so {@code //login}, {@code /./login}, {@code /%6cogin} and
     * {@code /login;x=y} are all {@code /login} here, as they are to the page the container serves. A test of the raw
     * URI let those spellings past the filter to the host's own login form (and would let them past the coming "SSO
     * only" mode). Both values are the container's own strings, already made for this request.
     */
    static boolean isPath(HttpServletRequest request, String path) {
        String servletPath = request.getServletPath();
        if (servletPath == null || !path.startsWith(servletPath)) {
            return false;
        }
        String pathInfo = request.getPathInfo();
        int rest = path.length() - servletPath.length();
        if (pathInfo == null || pathInfo.isEmpty()) {
            return rest == 0;
        }
        return pathInfo.length() == rest && path.regionMatches(servletPath.length(), pathInfo, 0, rest);
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
