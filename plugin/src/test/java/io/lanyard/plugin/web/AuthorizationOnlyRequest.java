package io.lanyard.plugin.web;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;

/**
 * A GET from 127.0.0.1 with one {@code Authorization} header (or none), answering the calls of the filters' common
 * path without allocating; anything else fails. For the allocation tests of the filters that read that header.
 */
final class AuthorizationOnlyRequest extends HttpServletRequestWrapper {

    private final String authorization;

    AuthorizationOnlyRequest(String authorization) {
        super(FilterAllocations.unusable(HttpServletRequest.class));
        this.authorization = authorization;
    }

    @Override
    public String getHeader(String name) {
        return "Authorization".equals(name) ? authorization : null;
    }

    @Override
    public String getMethod() {
        return "GET";
    }

    @Override
    public String getRemoteAddr() {
        return "127.0.0.1";
    }
}
