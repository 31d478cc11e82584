package io.lanyard.plugin.lifecycle;

import io.lanyard.core.config.ConfigurationService;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.host.BaseUrl;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.plugin.admin.AdminPageLayout;
import io.lanyard.plugin.admin.LanyardAdminWeb;
import io.lanyard.plugin.host.AdminAccess;
import io.lanyard.plugin.host.LoginPage;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The admin pages and JSON API of a product, as its Spring XML creates them next to {@link LanyardPlugin}: the
 * product's decorator supplies AUI, and changes go through the plugin's {@link ConfigurationService}.
 */
public final class LanyardAdministration {

    private final HttpServlet adminServlet;
    private final HttpServlet apiServlet;

    public LanyardAdministration(LanyardPlugin plugin, AdminAccess access, BaseUrl baseUrl, LoginPage loginPage) {
        Optional<ConfigurationService> changes = plugin.configurationService();
        if (changes.isEmpty()) {
            this.adminServlet = new UnavailableServlet();
            this.apiServlet = adminServlet;
            return;
        }
        LanyardAdminWeb admin = LanyardAdminWeb.create(access, changes.get(), plugin.clientSecrets(), baseUrl, loginPage,
                AdminPageLayout.hostDecorated(), HttpLimits.DEFAULT, Clock.systemUTC());
        this.adminServlet = admin.adminServlet();
        this.apiServlet = admin.apiServlet();
    }

    public HttpServlet adminServlet() {
        return adminServlet;
    }

    public HttpServlet apiServlet() {
        return apiServlet;
    }

    /**
     * Answers when the application reports no home folder: there is nowhere to keep a configuration, which the
     * start-up log already explains with {@code LNY-101}. Says only that, to anyone.
     */
    private static final class UnavailableServlet extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setHeader("Cache-Control", "no-store");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, ErrorCode.CONFIG_UNREADABLE.code()
                    + " Lanyard cannot locate its folder in the application's home; see the application log.");
        }
    }
}
