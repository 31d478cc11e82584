package io.lanyard.plugin.web;

import io.lanyard.core.bearer.BearerRequest;
import javax.servlet.http.HttpServletRequest;

/** The servlet request as the bearer check reads it; made only for requests that carry a bearer token. */
final class ServletBearerRequest implements BearerRequest {

    private final HttpServletRequest request;

    ServletBearerRequest(HttpServletRequest request) {
        this.request = request;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    /** The path the container resolved (as {@link RequestPaths} reads it), however the URI spells it. */
    @Override
    public String path() {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? servletPath : servletPath + pathInfo;
    }

    @Override
    public String remoteAddress() {
        return request.getRemoteAddr();
    }

    @Override
    public String forwardedFor() {
        return request.getHeader("X-Forwarded-For");
    }
}
