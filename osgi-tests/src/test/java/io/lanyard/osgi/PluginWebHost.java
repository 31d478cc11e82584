package io.lanyard.osgi;

import static io.lanyard.osgi.FelixHost.call;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.session.StandardManager;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.webresources.TomcatURLStreamHandlerFactory;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.w3c.dom.Element;

/**
 * A Platform 7 product's web application in miniature, around one plugin of {@link FelixHost} at a time: an embedded
 * Tomcat 9 on 127.0.0.1 whose one filter does what the product's plugin system does with the plugin's descriptor. It
 * runs the {@code servlet-filter} modules on their url-patterns, serves {@code /plugins/servlet/<url-pattern>} with
 * the {@code servlet} modules, and (Bitbucket) asks the {@code http-auth-handler} before each of its own pages.
 * Everything else is the product's own pages: its login form, and any other page, which says whom the product's
 * session holds (Seraph's keys, read as Seraph 4.1 reads them; for Bitbucket the user its authentication handler
 * returned).
 *
 * <p>The filters and servlets are the beans of the bundle's Spring context, used as they are: Felix exports the class
 * path's servlet API ({@link FelixHost#bootInWebApplication}), so they are the types Tomcat calls. Requests,
 * responses and sessions are Tomcat's.
 */
final class PluginWebHost implements AutoCloseable {

    /** A page of the product behind the login. */
    static final String PAGE = "/secure/Dashboard.jspa";
    static final String PLUGIN_SERVLETS = "/plugins/servlet";
    /** Where this miniature Bitbucket keeps the user an authentication handler returned (the real one has its own). */
    private static final String BITBUCKET_SESSION_USER = "test.bitbucket.authenticated-user";
    private static final String SERAPH_LOGGED_IN_USER_ID = "seraph_defaultauthenticator_user_id";
    private static final String SERAPH_LOGGED_OUT = "seraph_defaultauthenticator_logged_out_user";

    /** A url-pattern of a module and the bean it names. */
    private record Route(List<String> patterns, Object bean) {
        boolean matches(String path) {
            for (String pattern : patterns) {
                if (pattern.endsWith("/*") ? path.equals(pattern.substring(0, pattern.length() - 2))
                        || path.startsWith(pattern.substring(0, pattern.length() - 1)) : path.equals(pattern)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The plugin the host routes to now. */
    private record Served(Product product, List<Route> filters, List<Route> servlets, Object authenticationHandler) {
    }

    private final FelixHost felix;
    private final Tomcat tomcat;
    private volatile Served served;

    private PluginWebHost(FelixHost felix, Tomcat tomcat) {
        this.felix = felix;
        this.tomcat = tomcat;
    }

    static PluginWebHost start(FelixHost felix, Path workDirectory) throws IOException, LifecycleException {
        Path base = Files.createDirectories(workDirectory.resolve("tomcat"));
        // Felix owns the JVM's URL stream handler factory (bundle: URLs); Tomcat's own one is not needed here.
        TomcatURLStreamHandlerFactory.disable();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", Files.createDirectories(base.resolve("webapp")).toString());
        StandardManager sessions = new StandardManager();
        sessions.setPathname(null);
        context.setManager(sessions);
        PluginWebHost host = new PluginWebHost(felix, tomcat);

        FilterDef plugins = new FilterDef();
        plugins.setFilterName("plugin-system");
        plugins.setFilter(host.new PluginSystem());
        context.addFilterDef(plugins);
        FilterMap everything = new FilterMap();
        everything.setFilterName("plugin-system");
        everything.addURLPattern("/*");
        everything.setDispatcher(DispatcherType.REQUEST.name());
        context.addFilterMap(everything);
        Tomcat.addServlet(context, "product-pages", host.new ProductPages());
        context.addServletMappingDecoded("/", "product-pages");
        tomcat.start();
        return host;
    }

    /** http://localhost:port, the product's base URL. */
    URI baseUrl() {
        return URI.create("http://localhost:" + tomcat.getConnector().getLocalPort());
    }

    /** Routes every following request to {@code product}'s plugin, by the modules of its descriptor. */
    void serve(Product product) throws Exception {
        List<Route> filters = new ArrayList<>();
        List<Route> servlets = new ArrayList<>();
        Object authenticationHandler = null;
        try (PluginJar jar = new PluginJar(product.jar(Generation.JAVAX))) {
            for (Element module : PluginJar.modules(jar.descriptor())) {
                Object bean = felix.bean(product, module.getAttribute("class").substring("bean:".length()));
                switch (module.getTagName()) {
                    case "servlet-filter" -> filters.add(new Route(urlPatterns(module), bean));
                    case "servlet" -> servlets.add(new Route(urlPatterns(module), bean));
                    case "http-auth-handler" -> authenticationHandler = bean;
                    default -> {
                        // success and logout handlers: the handler's other roles, called below or not needed here
                    }
                }
            }
        }
        served = new Served(product, filters, servlets, authenticationHandler);
    }

    private static List<String> urlPatterns(Element module) {
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < module.getElementsByTagName("url-pattern").getLength(); i++) {
            patterns.add(module.getElementsByTagName("url-pattern").item(i).getTextContent().trim());
        }
        return patterns;
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    /** The product's plugin system: the plugin's filters, then its servlets or the product's pages. */
    private final class PluginSystem implements Filter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            Served plugin = served;
            String path = ((HttpServletRequest) request).getRequestURI();
            List<Filter> matching = new ArrayList<>();
            for (Route route : plugin.filters()) {
                if (route.matches(path)) {
                    matching.add((Filter) route.bean());
                }
            }
            new PluginFilterChain(matching, (req, resp) -> afterFilters(plugin, req, resp, chain)).doFilter(request, response);
        }

        private void afterFilters(Served plugin, ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest httpRequest = (HttpServletRequest) request;
            String path = httpRequest.getRequestURI();
            if (path.startsWith(PLUGIN_SERVLETS + "/")) {
                String servletPath = path.substring(PLUGIN_SERVLETS.length());
                for (Route route : plugin.servlets()) {
                    if (route.matches(servletPath)) {
                        ((Servlet) route.bean()).service(request, response);
                        return;
                    }
                }
                ((HttpServletResponse) response).sendError(404);
                return;
            }
            if (plugin.authenticationHandler() != null) {
                request = bitbucketAuthentication(plugin.authenticationHandler(), httpRequest, (HttpServletResponse) response);
            }
            chain.doFilter(request, response);
        }
    }

    /** The plugin's filters in order, then {@code last}. */
    private static final class PluginFilterChain implements FilterChain {
        private final List<Filter> filters;
        private final FilterChain last;
        private int next;

        PluginFilterChain(List<Filter> filters, FilterChain last) {
            this.filters = filters;
            this.last = last;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response) throws IOException, ServletException {
            if (next < filters.size()) {
                filters.get(next++).doFilter(request, response, this);
            } else {
                last.doFilter(request, response);
            }
        }
    }

    /**
     * What Bitbucket does with {@code http-auth-handler} modules before a page: without an authenticated user it asks
     * the handler to authenticate the request and, on success, keeps the user and tells the success handler; with one,
     * the handler validates that the session still belongs to that user.
     */
    private HttpServletRequest bitbucketAuthentication(Object handler, HttpServletRequest request,
            HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        Object user = session == null ? null : session.getAttribute(BITBUCKET_SESSION_USER);
        if (user != null) {
            HttpServletRequest asUser = asRemoteUser(request, (String) call(user, "getName"));
            call(handler, "validateAuthentication", bitbucketContext("HttpAuthenticationContext", asUser, response));
            return asUser;
        }
        Object result = call(handler, "performAuthentication", bitbucketContext("HttpAuthenticationContext", request, response));
        if (result == null) {
            return request;
        }
        user = call(result, "getUser");
        request.getSession(true).setAttribute(BITBUCKET_SESSION_USER, user);
        call(handler, "onAuthenticationSuccess", bitbucketContext("HttpAuthenticationSuccessContext", request, response));
        return asRemoteUser(request, (String) call(user, "getName"));
    }

    private Object bitbucketContext(String type, HttpServletRequest request, HttpServletResponse response) {
        return Fake.of(felix.hostClass("com.atlassian.bitbucket.auth." + type))
                .returning("getRequest", request).returning("getResponse", response).proxy();
    }

    private static HttpServletRequest asRemoteUser(HttpServletRequest request, String name) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteUser() {
                return name;
            }
        };
    }

    /**
     * The product's own pages: its login form (reached when Lanyard lets the login page through) and any other page,
     * which names the user the product's session holds.
     */
    private final class ProductPages extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Product product = served.product();
            response.setContentType("text/plain;charset=UTF-8");
            if (request.getRequestURI().equals(product.loginPage())) {
                response.getWriter().write(product.id() + "'s own login form");
                return;
            }
            response.getWriter().write(product.id() + " page " + request.getRequestURI() + " for "
                    + loggedInUser(product, request));
        }

        /** As Seraph 4.1 reads its session: the name under its user-id key, else the principal's name. */
        private String loggedInUser(Product product, HttpServletRequest request) {
            if (product == Product.BITBUCKET) {
                return request.getRemoteUser() == null ? "anonymous" : request.getRemoteUser();
            }
            HttpSession session = request.getSession(false);
            if (session == null || session.getAttribute(SERAPH_LOGGED_OUT) != null) {
                return "anonymous";
            }
            Object name = session.getAttribute(SERAPH_LOGGED_IN_USER_ID);
            if (name != null) {
                return (String) name;
            }
            Object principal = session.getAttribute(FakeHost.SERAPH_LOGGED_IN);
            if (principal == null) {
                return "anonymous";
            }
            return (String) call(principal, principal instanceof java.security.Principal ? "getName" : "getUsername");
        }
    }
}
