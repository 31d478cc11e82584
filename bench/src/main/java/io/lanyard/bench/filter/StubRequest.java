package io.lanyard.bench.filter;

import java.util.Map;
import javax.servlet.ServletContext;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpSession;

/**
 * A request as a servlet container hands it to a filter, answering the calls a filter's fast path makes from fields,
 * without allocating. Every other call reaches an {@link Unusable} request and fails, so a benchmark cannot silently
 * measure a path it did not intend. Hand-written on purpose: a mocking library would measure itself.
 */
public final class StubRequest extends HttpServletRequestWrapper {

    private final String method;
    private final String requestUri;
    private final String contextPath;
    private final String servletPath;
    private final String pathInfo;
    private final Map<String, String> parameters;
    private final HttpSession session;
    private final ServletContext servletContext;

    /**
     * @param servletPath what the container resolved the URI to, after the context path (Jira maps {@code *.jsp},
     *                    {@code *.jspa} and its resources at whole paths)
     * @param pathInfo    the rest, for a servlet mapped at a prefix; null otherwise
     */
    public StubRequest(String method, String contextPath, String requestUri, String servletPath, String pathInfo,
            Map<String, String> parameters, HttpSession session) {
        super(Unusable.of(HttpServletRequest.class));
        this.method = method;
        this.contextPath = contextPath;
        this.requestUri = requestUri;
        this.servletPath = servletPath;
        this.pathInfo = pathInfo;
        this.parameters = Map.copyOf(parameters);
        this.session = session;
        this.servletContext = new StubServletContext(contextPath);
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getRequestURI() {
        return requestUri;
    }

    @Override
    public String getServletPath() {
        return servletPath;
    }

    @Override
    public String getPathInfo() {
        return pathInfo;
    }

    @Override
    public String getContextPath() {
        return contextPath;
    }

    @Override
    public ServletContext getServletContext() {
        return servletContext;
    }

    @Override
    public String getParameter(String name) {
        return parameters.get(name);
    }

    @Override
    public HttpSession getSession(boolean create) {
        if (create && session == null) {
            throw new UnsupportedOperationException("a pass-through must not create a session");
        }
        return session;
    }
}
