package io.lanyard.plugin.admin;

import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/** Requests and responses for the admin servlets' tests: parameters, headers, a body, and a recorded answer. */
final class AdminHttp {

    private AdminHttp() {
    }

    static HttpSession session() {
        Map<String, Object> attributes = new ConcurrentHashMap<>();
        HttpSession session = mock(HttpSession.class);
        lenient().when(session.getAttribute(anyString())).thenAnswer(c -> attributes.get(c.<String>getArgument(0)));
        lenient().doAnswer(c -> attributes.put(c.getArgument(0), c.getArgument(1))).when(session)
                .setAttribute(anyString(), org.mockito.ArgumentMatchers.any());
        return session;
    }

    static final class Request {
        final HttpServletRequest mock = mock(HttpServletRequest.class);
        final Map<String, String> parameters = new HashMap<>();
        final Map<String, String> headers = new HashMap<>();
        HttpSession session;
        byte[] body = new byte[0];

        Request(String method, String path, HttpSession session) {
            this.session = session;
            lenient().when(mock.getMethod()).thenReturn(method);
            lenient().when(mock.getContextPath()).thenReturn("/jira");
            lenient().when(mock.getRequestURI()).thenReturn("/jira" + path);
            lenient().when(mock.getParameter(anyString())).thenAnswer(c -> parameters.get(c.<String>getArgument(0)));
            lenient().when(mock.getHeader(anyString())).thenAnswer(c -> headers.get(c.<String>getArgument(0)));
            lenient().when(mock.getContentType()).thenAnswer(c -> headers.get("Content-Type"));
            lenient().when(mock.getContentLengthLong()).thenAnswer(c -> (long) body.length);
            lenient().when(mock.getSession(anyBoolean())).thenAnswer(c -> this.session);
            lenient().when(mock.getSession()).thenAnswer(c -> this.session);
            try {
                lenient().when(mock.getInputStream()).thenAnswer(c -> input(body));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }

        Request parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request json(String json) {
            headers.put("Content-Type", "application/json");
            body = json.getBytes(StandardCharsets.UTF_8);
            return this;
        }
    }

    static final class Response {
        final HttpServletResponse mock = mock(HttpServletResponse.class);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Map<String, String> headers = new HashMap<>();
        int status = 200;

        Response() {
            try {
                PrintWriter writer = new PrintWriter(new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
                lenient().when(mock.getWriter()).thenReturn(writer);
                lenient().when(mock.getOutputStream()).thenReturn(output(bytes));
                lenient().doAnswer(c -> status = c.getArgument(0)).when(mock).setStatus(anyInt());
                lenient().doAnswer(c -> status = c.getArgument(0)).when(mock).sendError(anyInt());
                lenient().doAnswer(c -> headers.put(c.getArgument(0), c.getArgument(1))).when(mock)
                        .setHeader(anyString(), anyString());
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }

        String body() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static ServletInputStream input(byte[] body) {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override public int read() { return in.read(); }
            @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
            @Override public boolean isFinished() { return in.available() == 0; }
            @Override public boolean isReady() { return true; }
            @Override public void setReadListener(ReadListener listener) { }
        };
    }

    private static ServletOutputStream output(ByteArrayOutputStream bytes) {
        return new ServletOutputStream() {
            @Override public void write(int b) { bytes.write(b); }
            @Override public boolean isReady() { return true; }
            @Override public void setWriteListener(WriteListener listener) { }
        };
    }
}
