package io.lanyard.osgi;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Requests, sessions, responses and filter chains of one servlet generation, as recording fakes. */
final class FakeHttp {

    private final FelixHost host;

    FakeHttp(FelixHost host) {
        this.host = host;
    }

    Session session() {
        return new Session(host);
    }

    Request get(String path) {
        return new Request(host, "GET", path);
    }

    Response response() {
        return new Response(host);
    }

    Fake chain() {
        return Fake.of(host.servletClass("FilterChain"));
    }

    static final class Response {
        final Fake fake;
        private final StringWriter body = new StringWriter();
        private final PrintWriter writer = new PrintWriter(body);

        Response(FelixHost host) {
            fake = Fake.of(host.servletClass("http.HttpServletResponse")).returning("getWriter", writer);
        }

        Object proxy() {
            return fake.proxy();
        }

        String body() {
            writer.flush();
            return body.toString();
        }
    }

    static final class Session {
        final Map<String, Object> attributes = new ConcurrentHashMap<>();
        final Fake fake;
        boolean invalidated;

        Session(FelixHost host) {
            fake = Fake.of(host.servletClass("http.HttpSession"))
                    .answer("getAttribute", args -> attributes.get((String) args[0]))
                    .answer("setAttribute", args -> {
                        if (args[1] == null) {
                            attributes.remove((String) args[0]);
                        } else {
                            attributes.put((String) args[0], args[1]);
                        }
                        return null;
                    })
                    .answer("removeAttribute", args -> attributes.remove((String) args[0]))
                    .answer("invalidate", args -> {
                        invalidated = true;
                        attributes.clear();
                        return null;
                    });
        }

        Object proxy() {
            return fake.proxy();
        }
    }

    static final class Request {
        final Fake fake;
        final Map<String, Object> attributes = new ConcurrentHashMap<>();
        final Map<String, String> parameters = new ConcurrentHashMap<>();
        private final FelixHost host;
        private Session session;
        private volatile String remoteUser;

        Request(FelixHost host, String method, String path) {
            this.host = host;
            Fake servletContext = Fake.of(host.servletClass("ServletContext")).returning("getContextPath", "");
            fake = Fake.of(host.servletClass("http.HttpServletRequest"))
                    .returning("getMethod", method)
                    .returning("getRequestURI", path)
                    .returning("getContextPath", "")
                    .returning("getServletContext", servletContext.proxy())
                    .answer("getParameter", args -> parameters.get((String) args[0]))
                    .answer("getAttribute", args -> attributes.get((String) args[0]))
                    .answer("setAttribute", args -> {
                        attributes.put((String) args[0], args[1]);
                        return null;
                    })
                    .answer("getRemoteUser", args -> remoteUser)
                    .answer("changeSessionId", args -> "renewed")
                    .answer("getSession", args -> session(args.length == 0 || (Boolean) args[0]));
        }

        Request parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        Request remoteUser(String name) {
            this.remoteUser = name;
            return this;
        }

        Request session(Session existing) {
            this.session = existing;
            return this;
        }

        Session currentSession() {
            return session;
        }

        Object proxy() {
            return fake.proxy();
        }

        private Object session(boolean create) {
            if (session == null && create) {
                session = new Session(host);
            }
            return session == null ? null : session.proxy();
        }
    }
}
