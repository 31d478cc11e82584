package io.lanyard.plugin.web;

import io.lanyard.core.bearer.BearerRequest;
import javax.servlet.http.HttpServletRequest;

/** Reads the servlet request for the bearer check: stateless, one for all requests, so nothing is allocated. */
final class ServletBearerRequest implements BearerRequest<HttpServletRequest> {

    static final ServletBearerRequest READER = new ServletBearerRequest();

    private ServletBearerRequest() {
    }

    @Override
    public String method(HttpServletRequest request) {
        return request.getMethod();
    }

    /** The path the container resolved (as {@link RequestPaths} reads it), however the URI spells it. */
    @Override
    public String path(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? servletPath : servletPath + pathInfo;
    }

    @Override
    public String remoteAddress(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    @Override
    public String forwardedFor(HttpServletRequest request) {
        return request.getHeader("X-Forwarded-For");
    }
}
