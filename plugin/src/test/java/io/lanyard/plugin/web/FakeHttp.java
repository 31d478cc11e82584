package io.lanyard.plugin.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.servlet.ServletContext;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/** Mockito-backed requests, sessions and responses with just enough behaviour for the edge's tests. */
final class FakeHttp {

    private FakeHttp() {
    }

    /** A session whose attributes really are stored. */
    static HttpSession session() {
        Map<String, Object> attributes = new ConcurrentHashMap<>();
        HttpSession session = mock(HttpSession.class);
        lenient().when(session.getAttribute(anyString())).thenAnswer(call -> attributes.get(call.<String>getArgument(0)));
        lenient().doAnswer(call -> {
            attributes.put(call.getArgument(0), call.getArgument(1));
            return null;
        }).when(session).setAttribute(anyString(), any());
        lenient().doAnswer(call -> attributes.remove(call.<String>getArgument(0))).when(session).removeAttribute(anyString());
        return session;
    }

    static final class Request {
        final HttpServletRequest mock = mock(HttpServletRequest.class);
        private final Map<String, String> parameters = new HashMap<>();
        private final List<Cookie> cookies = new ArrayList<>();
        private HttpSession session;

        Request(String method, String contextPath, String pathAfterContext) {
            lenient().when(mock.getMethod()).thenReturn(method);
            lenient().when(mock.getContextPath()).thenReturn(contextPath);
            ServletContext servletContext = mock(ServletContext.class);
            lenient().when(servletContext.getContextPath()).thenReturn(contextPath);
            lenient().when(mock.getServletContext()).thenReturn(servletContext);
            lenient().when(mock.getRequestURI()).thenReturn(contextPath + pathAfterContext);
            // as a container maps a servlet at the whole path (*.jsp, "/"): no path info, no path parameters
            int pathParameters = pathAfterContext.indexOf(';');
            resolvedAs(pathParameters < 0 ? pathAfterContext : pathAfterContext.substring(0, pathParameters), null);
            lenient().when(mock.getParameter(anyString())).thenAnswer(call -> parameters.get(call.<String>getArgument(0)));
            lenient().when(mock.getSession()).thenAnswer(call -> session(true));
            lenient().when(mock.getSession(anyBoolean())).thenAnswer(call -> session(call.getArgument(0)));
            lenient().when(mock.getCookies()).thenAnswer(call -> cookies.isEmpty() ? null : cookies.toArray(Cookie[]::new));
            // as a browser reaches the host at its base URL, https://host.example.com (LoginFilterTest's)
            lenient().when(mock.getScheme()).thenReturn("https");
            lenient().when(mock.getServerName()).thenReturn("host.example.com");
            lenient().when(mock.getServerPort()).thenReturn(443);
        }

        Request cookie(String name, String value) {
            cookies.add(new Cookie(name, value));
            return this;
        }

        /** The path the container resolved from the raw URI: its servlet path and path info. */
        Request resolvedAs(String servletPath, String pathInfo) {
            lenient().when(mock.getServletPath()).thenReturn(servletPath);
            lenient().when(mock.getPathInfo()).thenReturn(pathInfo);
            return this;
        }

        Request parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        Request withSession(HttpSession existing) {
            this.session = existing;
            return this;
        }

        HttpSession currentSession() {
            return session;
        }

        private HttpSession session(boolean create) {
            if (session == null && create) {
                session = FakeHttp.session();
            }
            return session;
        }
    }

    static Request get(String pathAfterContext) {
        return new Request("GET", "", pathAfterContext);
    }

    static final class Response {
        final HttpServletResponse mock = mock(HttpServletResponse.class);
        final StringWriter body = new StringWriter();
        /** Every Set-Cookie header, in order. */
        final List<String> setCookies = new ArrayList<>();

        Response() {
            try {
                lenient().when(mock.getWriter()).thenReturn(new PrintWriter(body));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            lenient().doAnswer(call -> {
                if ("Set-Cookie".equalsIgnoreCase(call.getArgument(0))) {
                    setCookies.add(call.getArgument(1));
                }
                return null;
            }).when(mock).addHeader(anyString(), anyString());
        }

        String body() {
            return body.toString();
        }

        /** The Set-Cookie headers of pending logins only (not the sign-in page's own cookies). */
        List<String> loginCookies() {
            return setCookies.stream().filter(cookie -> cookie.startsWith(PendingLoginCookies.NAME_PREFIX)).toList();
        }

        /** The Set-Cookie header of the cookie {@code name}, if one was set. */
        java.util.Optional<String> cookie(String name) {
            return setCookies.stream().filter(cookie -> cookie.startsWith(name + "=")).findFirst();
        }
    }
}
