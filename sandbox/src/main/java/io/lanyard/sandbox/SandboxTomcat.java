package io.lanyard.sandbox;

import io.lanyard.core.LanyardPaths;
import io.lanyard.plugin.lifecycle.LanyardAdministration;
import io.lanyard.plugin.web.LanyardLogoutWeb;
import io.lanyard.plugin.web.JwksServlet;
import io.lanyard.plugin.web.LanyardWeb;
import io.lanyard.sandbox.app.AuiResourcesServlet;
import io.lanyard.sandbox.app.ClaimsServlet;
import io.lanyard.sandbox.app.LocalLoginServlet;
import io.lanyard.sandbox.app.LogoutServlet;
import io.lanyard.sandbox.app.ProtectedPageServlet;
import io.lanyard.sandbox.app.SessionServlet;
import io.lanyard.sandbox.app.WhoAmIServlet;
import io.lanyard.sandbox.app.CiTokenServlet;
import io.lanyard.sandbox.ci.CiIssuerStandIn;
import io.lanyard.sandbox.host.SandboxBasicAuth;
import io.lanyard.sandbox.host.SandboxSessionLogin;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.Servlet;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.session.StandardManager;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** Embedded Tomcat 9 with the demo app and Lanyard's edge in the root context, on 127.0.0.1 only. */
final class SandboxTomcat {

    private SandboxTomcat() {
    }

    /** @param botKiller the product's bot killer, which runs around everything else, as in Jira and Confluence */
    static Tomcat start(int port, Path home, Optional<Filter> botKiller, Filter bearer, Filter basicAuth,
            LanyardWeb lanyard,
            LanyardLogoutWeb logout, Filter emergencyAccess, LanyardAdministration admin, JwksServlet jwks,
            SandboxSessionLogin sessionLogin,
            SandboxUserDirectory directory, Optional<CiIssuerStandIn> ciIssuers) throws IOException {
        Path base = Files.createDirectories(home.resolve("tomcat"));
        Path docBase = Files.createDirectories(base.resolve("webapp"));
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        hideErrorDetails(tomcat);

        StandardContext context = (StandardContext) tomcat.addContext("", docBase.toString());
        context.setManager(sessionsInMemoryOnly());
        withoutRedeployLeakChecks(context);
        botKiller.ifPresent(filter -> addFilter(context, "bot-killer", filter, "/*"));
        addFilter(context, "lanyard-bearer", bearer, "/*");
        // Lanyard's refusal of Basic for managed accounts, then the sandbox's own Basic authentication (a product's)
        addFilter(context, "lanyard-basic-auth", basicAuth, "/*");
        addFilter(context, "sandbox-basic-auth", new SandboxBasicAuth(directory), "/*");
        addFilter(context, "lanyard-session-revocation", logout.sessionRevocationFilter(), "/*");
        addFilter(context, "lanyard-login", lanyard.loginFilter(), "/*");
        addFilter(context, "lanyard-logout", logout.logoutFilter(), "/logout");
        addFilter(context, "lanyard-emergency-access", emergencyAccess, "/*");
        addServlet(context, "pages", new ProtectedPageServlet(sessionLogin, directory), "", "/pages/*");
        addServlet(context, "aui", new AuiResourcesServlet(), AuiResourcesServlet.PATH + "/*");
        addServlet(context, "local-login", new LocalLoginServlet(sessionLogin, directory, lanyard), "/login");
        addServlet(context, "logout", new LogoutServlet(), "/logout");
        addServlet(context, "whoami", new WhoAmIServlet(sessionLogin, directory), WhoAmIServlet.PATH);
        addServlet(context, "claims", new ClaimsServlet(sessionLogin), ClaimsServlet.PATH);
        addServlet(context, "session", new SessionServlet(), SessionServlet.PATH);
        ciIssuers.ifPresent(standIn -> addServlet(context, "ci-token", new CiTokenServlet(standIn), CiTokenServlet.PATH));
        addServlet(context, "lanyard-login", lanyard.loginServlet(), LanyardWeb.LOGIN_SERVLET_MAPPINGS);
        addServlet(context, "lanyard-callback", lanyard.callbackServlet(), LanyardWeb.CALLBACK_SERVLET_MAPPING);
        addServlet(context, "lanyard-backchannel-logout", logout.backChannelLogoutServlet(),
                LanyardLogoutWeb.BACK_CHANNEL_SERVLET_MAPPING);
        addServlet(context, "lanyard-frontchannel-logout", logout.frontChannelLogoutServlet(),
                LanyardLogoutWeb.FRONT_CHANNEL_SERVLET_MAPPING);
        addServlet(context, "lanyard-post-logout", logout.postLogoutServlet(),
                LanyardLogoutWeb.POST_LOGOUT_SERVLET_MAPPING);
        addServlet(context, "lanyard-logged-out", lanyard.loggedOutServlet(), LanyardWeb.LOGGED_OUT_SERVLET_MAPPING);
        addServlet(context, "lanyard-jwks", jwks, LanyardPaths.JWKS);
        addServlet(context, "lanyard-admin", admin.adminServlet(), LanyardAdministration.ADMIN_SERVLET_MAPPINGS);
        addServlet(context, "lanyard-api", admin.apiServlet(), LanyardAdministration.API_SERVLET_MAPPING);

        try {
            tomcat.start();
        } catch (LifecycleException e) {
            stopQuietly(tomcat);
            throw new IOException("the sandbox could not start on port " + port + ": " + e.getMessage(), e);
        }
        if (connector.getState() != LifecycleState.STARTED || connector.getLocalPort() <= 0) {
            stopQuietly(tomcat);
            throw new IOException("the sandbox could not listen on 127.0.0.1:" + port
                    + " (is another program using it? choose another with --port)");
        }
        return tomcat;
    }

    /** Tomcat's own error pages would show stack traces and its version to anyone. */
    private static void hideErrorDetails(Tomcat tomcat) {
        ErrorReportValve valve = new ErrorReportValve();
        valve.setShowReport(false);
        valve.setShowServerInfo(false);
        tomcat.getHost().getPipeline().addValve(valve);
    }

    /**
     * Tomcat's checks for class loader leaks after a web application is undeployed reach into JDK internals by
     * reflection, and on Java 9+ print three {@code --add-opens} warnings at every stop. The sandbox has one
     * application that lives as long as the JVM: there is no redeploy to leak across, so the checks are off.
     */
    private static void withoutRedeployLeakChecks(StandardContext context) {
        context.setClearReferencesObjectStreamClassCaches(false);
        context.setClearReferencesRmiTargets(false);
        context.setClearReferencesThreadLocals(false);
    }

    /** Sessions are not written to disk at stop: a restarted sandbox starts with everyone logged out. */
    private static StandardManager sessionsInMemoryOnly() {
        StandardManager manager = new StandardManager();
        manager.setPathname(null);
        return manager;
    }

    private static void addFilter(Context context, String name, Filter filter, String pattern) {
        FilterDef definition = new FilterDef();
        definition.setFilterName(name);
        definition.setFilter(filter);
        context.addFilterDef(definition);
        FilterMap mapping = new FilterMap();
        mapping.setFilterName(name);
        mapping.addURLPattern(pattern);
        mapping.setDispatcher(DispatcherType.REQUEST.name());
        mapping.setDispatcher(DispatcherType.FORWARD.name());
        context.addFilterMap(mapping);
    }

    private static void addServlet(Context context, String name, Servlet servlet, String... patterns) {
        Tomcat.addServlet(context, name, servlet);
        for (String pattern : patterns) {
            context.addServletMappingDecoded(pattern, name);
        }
    }

    static void stopQuietly(Tomcat tomcat) {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            org.slf4j.LoggerFactory.getLogger(SandboxTomcat.class).warn("Tomcat did not stop cleanly: {}", e.getMessage());
        }
    }
}
