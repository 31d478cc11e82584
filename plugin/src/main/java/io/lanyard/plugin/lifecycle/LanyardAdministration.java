package io.lanyard.plugin.lifecycle;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.audit.EventStore;
import io.lanyard.core.config.change.ConfigurationService;
import io.lanyard.core.config.change.SettingsService;
import io.lanyard.core.diagnostics.EntraConnectorCheck;
import io.lanyard.core.diagnostics.IdentityProviderCheck;
import io.lanyard.core.diagnostics.TokenIssuerCheck;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.host.BaseUrl;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.signin.EmergencyAccessFile;
import io.lanyard.core.signin.EmergencyTimeBox;
import io.lanyard.plugin.admin.AdminGuard;
import io.lanyard.plugin.admin.AdminPageLayout;
import io.lanyard.plugin.admin.AdminPages;
import io.lanyard.plugin.admin.AdminServlet;
import io.lanyard.plugin.admin.AdminTemplates;
import io.lanyard.plugin.admin.AdminView;
import io.lanyard.plugin.admin.StaticResources;
import io.lanyard.plugin.admin.XsrfTokens;
import io.lanyard.plugin.admin.api.ApiServlet;
import io.lanyard.plugin.admin.dirsync.DirectorySyncPages;
import io.lanyard.plugin.admin.events.EventPages;
import io.lanyard.plugin.admin.health.HealthPages;
import io.lanyard.plugin.dirsync.DirectorySyncs;
import io.lanyard.plugin.admin.integration.IntegrationAdmins;
import io.lanyard.core.bearer.CiTokenExplainer;
import io.lanyard.plugin.admin.integration.SecretSections;
import io.lanyard.plugin.admin.keys.KeysPages;
import io.lanyard.plugin.admin.signin.SignInPages;
import io.lanyard.plugin.session.AdminAccess;
import io.lanyard.plugin.web.LanyardText;
import io.lanyard.plugin.web.SignInTemplates;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Lanyard's administration, the pages and the JSON API, assembled from the host's ports and the core's services, so
 * that the sandbox and every product wire it the same way. Register:
 * <ul>
 *   <li>{@link #adminServlet()} at {@link #ADMIN_SERVLET_MAPPINGS} (a product: {@code <servlet>} served at
 *       {@code /plugins/servlet/lanyard/admin});</li>
 *   <li>{@link #apiServlet()} at {@link #API_SERVLET_MAPPING} ({@code /plugins/servlet/lanyard/api}).</li>
 * </ul>
 * Both servlets are thread-safe and keep no state of a request.
 */
public final class LanyardAdministration {

    public static final String[] ADMIN_SERVLET_MAPPINGS = {LanyardPaths.ADMIN, LanyardPaths.ADMIN + "/*"};
    public static final String API_SERVLET_MAPPING = LanyardPaths.API + "/*";

    private final HttpServlet adminServlet;
    private final HttpServlet apiServlet;

    /**
     * As a product's Spring XML creates it next to {@link LanyardPlugin}: the product's decorator supplies AUI,
     * changes go through the plugin's {@link ConfigurationService}, and connector tests go to Microsoft's endpoints
     * of each connector's national cloud.
     */
    public LanyardAdministration(LanyardPlugin plugin, AdminAccess access, BaseUrl baseUrl, LoginPage loginPage) {
        this(plugin.configurationService(), access, plugin.secrets(), baseUrl, loginPage,
                AdminPageLayout.hostDecorated(), HttpLimits.DEFAULT, Clock.systemUTC(), plugin.settings(),
                plugin.emergencyFile(), plugin.audit(), plugin.directorySyncs(), plugin.signInTemplates(),
                plugin.events(), Optional.of(plugin.loginService()), plugin.productDescription());
    }

    /** Without Lanyard's settings file: {@code settings.xml}'s defaults, which the API then cannot change. */
    public LanyardAdministration(Optional<ConfigurationService> changes, AdminAccess access,
            LanyardSecrets secrets, BaseUrl baseUrl, LoginPage loginPage, AdminPageLayout layout,
            HttpLimits limits, Clock clock) {
        this(changes, access, secrets, baseUrl, loginPage, layout, limits, clock,
                new SettingsService(Optional.empty()), new EmergencyAccessFile(Optional.empty()), AuditSink.none());
    }

    /**
     * @param changes        where changes are validated, stored and made current; empty when the application
     *                       reports no home (then there is nowhere to store one, and both servlets say so)
     * @param access         who may administer (the host's system administrators), and WebSudo
     * @param secrets        the same secrets and keys logins use: where each secret comes from, signing keys, expiry,
     *                       the nodes' reports; and Microsoft Graph as the connectors reach it
     * @param baseUrl        the host's base URL, for the callback URLs to register at providers
     * @param loginPage      where anonymous visitors of the pages are sent, and the host's logout URL
     * @param layout         the host's decorator, or standalone AUI (the sandbox)
     * @param limits         bounds of the "Fetch" and "Test" calls to providers
     * @param settings       {@code settings.xml}, which the API shows and changes
     * @param emergencyFile  the emergency file of Lanyard's folder, shown with the settings
     * @param audit          where changes of the settings are reported
     */
    public LanyardAdministration(Optional<ConfigurationService> changes, AdminAccess access,
            LanyardSecrets secrets, BaseUrl baseUrl, LoginPage loginPage, AdminPageLayout layout,
            HttpLimits limits, Clock clock, SettingsService settings, EmergencyAccessFile emergencyFile,
            AuditSink audit) {
        this(changes, access, secrets, baseUrl, loginPage, layout, limits, clock, settings, emergencyFile, audit,
                DirectorySyncs.none());
    }

    /** @param directorySyncs the connectors' directory syncs, for the JSON API and the connector pages */
    public LanyardAdministration(Optional<ConfigurationService> changes, AdminAccess access,
            LanyardSecrets secrets, BaseUrl baseUrl, LoginPage loginPage, AdminPageLayout layout,
            HttpLimits limits, Clock clock, SettingsService settings, EmergencyAccessFile emergencyFile,
            AuditSink audit, DirectorySyncs directorySyncs) {
        this(changes, access, secrets, baseUrl, loginPage, layout, limits, clock, settings, emergencyFile, audit,
                directorySyncs, new SignInTemplates(LanyardText.english(), ""), Optional.empty(), Optional.empty(),
                "unknown");
    }

    /**
     * @param pageTemplates the sign-in pages people see, whose own templates the Sign-in tab edits (the same as the
     *                      login edge's, {@link LanyardPlugin#signInTemplates()})
     * @param events        Lanyard's event store, shown on the page "Events"; empty: no such page
     * @param logins        the logins' providers as fetched, shown with the last sign-ins on the page "Health"; empty:
     *                      no such page
     * @param product       the product and its version, for the support zip
     */
    public LanyardAdministration(Optional<ConfigurationService> changes, AdminAccess access,
            LanyardSecrets secrets, BaseUrl baseUrl, LoginPage loginPage, AdminPageLayout layout,
            HttpLimits limits, Clock clock, SettingsService settings, EmergencyAccessFile emergencyFile,
            AuditSink audit, DirectorySyncs directorySyncs, SignInTemplates pageTemplates, Optional<EventStore> events,
            Optional<LoginService> logins, String product) {
        Objects.requireNonNull(access, "access");
        if (changes.isEmpty()) {
            this.adminServlet = new UnavailableServlet();
            this.apiServlet = adminServlet;
            return;
        }
        LanyardText text = LanyardText.english();
        XsrfTokens xsrf = new XsrfTokens();
        AdminGuard guard = new AdminGuard(access, xsrf);
        AdminView view = new AdminView(new AdminTemplates(text.asMap()), layout, guard, text, loginPage);
        ProviderHttpClient http = new ProviderHttpClient(limits);
        ClientSecretResolver resolver = secrets.resolver();
        IntegrationAdmins integrations = new IntegrationAdmins(new IdentityProviderCheck(http, resolver, clock),
                new EntraConnectorCheck(http, resolver, secrets.graph()), new TokenIssuerCheck(http, resolver, clock),
                baseUrl, new CiTokenExplainer(http, clock), changes.get()::current);
        SecretSections sections = new SecretSections(resolver, secrets.nodeReports(), secrets.nodeReporter(),
                Optional.of(secrets.expiry()), clock);
        List<AdminPages> pages = new ArrayList<>(integrations.pages(changes.get(), sections, view, guard));
        pages.add(new KeysPages(secrets.signingKeys(), resolver.securedStoreKeys(), sections, changes.get(), view,
                guard, baseUrl));
        pages.add(new SignInPages(settings, emergencyFile, new EmergencyTimeBox(settings, audit, clock), view, guard,
                audit, clock, pageTemplates));
        pages.add(new DirectorySyncPages(changes.get()::current, directorySyncs, view, guard));
        events.ifPresent(store -> pages.add(new EventPages(store, view)));
        logins.ifPresent(service -> pages.add(new HealthPages(changes.get(), events, service, view, clock,
                secrets.nodeReports(), product, guard, audit)));
        this.adminServlet = new AdminServlet(guard, view, pages, new StaticResources(), loginPage);
        this.apiServlet = new ApiServlet(guard, changes.get(), integrations, sections, text, settings, emergencyFile,
                audit, clock, directorySyncs);
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
