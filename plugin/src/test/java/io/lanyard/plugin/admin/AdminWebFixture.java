package io.lanyard.plugin.admin;

import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.change.ConfigurationService;
import io.lanyard.core.config.xml.ConfigurationFiles;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.secret.secured.SecuredPropertyValues;
import io.lanyard.plugin.lifecycle.LanyardAdministration;
import io.lanyard.plugin.lifecycle.LanyardSecrets;
import io.lanyard.plugin.session.AdminAccess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * The admin pages and API as a product wires them, over real files in a temporary Lanyard folder, with the secret
 * resolution and Entra ID endpoints a test chooses, and one administrator's session.
 */
final class AdminWebFixture {

    static final String PAGES = "/plugins/servlet/lanyard/admin";
    static final String API = "/plugins/servlet/lanyard/api";

    final Path home;
    final ConfigurationHolder holder;
    /** The secrets and keys behind the pages: signing keys, expiry, node reports. */
    final LanyardSecrets secrets;
    final HttpServlet pages;
    final HttpServlet api;
    final HttpSession session = AdminHttp.session();
    String user = "admin";
    /** {@code settings.xml} of the Lanyard folder, as the API changes it. */
    final io.lanyard.core.config.change.SettingsService settings;
    /** The sign-in pages, with the administrator's own templates in the Lanyard folder. */
    final io.lanyard.plugin.web.SignInTemplates pageTemplates;
    /** What the admin API reported to the audit trail. */
    final java.util.List<io.lanyard.core.audit.AuditEvent> audited = new java.util.concurrent.CopyOnWriteArrayList<>();
    boolean administrator = true;
    /** Lanyard's event store in the folder: every configuration change and every event the pages report. */
    final io.lanyard.core.audit.EventStore events;
    /** The logins whose providers' fetches the page "Health" shows. */
    final io.lanyard.core.login.LoginService logins;

    private final AdminAccess access = new AdminAccess() {
        @Override
        public Optional<String> currentUsername(HttpServletRequest request) {
            return Optional.ofNullable(user);
        }

        @Override
        public boolean isSystemAdministrator(HttpServletRequest request) {
            return administrator;
        }

        @Override
        public boolean passWebSudo(HttpServletRequest request, HttpServletResponse response) {
            return true;
        }
    };

    AdminWebFixture(Path home, LanyardConfiguration initial, ClientSecretResolver secrets, EntraEndpoints endpoints) {
        this.home = home;
        this.holder = new ConfigurationHolder(initial);
        this.settings = new io.lanyard.core.config.change.SettingsService(Optional.of(home));
        this.pageTemplates = new io.lanyard.plugin.web.SignInTemplates(io.lanyard.plugin.web.LanyardText.english(),
                "Jira", io.lanyard.core.signin.CustomPages.in(Optional.of(home)));
        this.events = io.lanyard.core.audit.EventStore.inFolder(home, "node-1", Clock.systemUTC());
        this.logins = io.lanyard.core.login.LoginService.builder(holder, secrets,
                org.mockito.Mockito.mock(io.lanyard.core.host.UserDirectory.class),
                () -> URI.create("https://jira.example.com/jira"), Clock.systemUTC())
                .providerDocuments(io.lanyard.core.discovery.ProviderDocuments.inFolder(home, Clock.systemUTC()))
                .build();
        ConfigurationService service = new ConfigurationService(holder, new ConfigurationFiles(home), secrets,
                new io.lanyard.core.cluster.LocalClusterState(Clock.systemUTC()), events);
        HttpLimits limits = new HttpLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), 64 * 1024);
        this.secrets = new LanyardSecrets(holder, secrets, Optional.of(home), "Lanyard test", endpoints, limits,
                Clock.systemUTC());
        LanyardAdministration web = new LanyardAdministration(Optional.of(service), access, this.secrets,
                () -> URI.create("https://jira.example.com/jira"), LoginPage.JIRA, AdminPageLayout.hostDecorated(),
                limits, Clock.systemUTC(), settings, new io.lanyard.core.signin.EmergencyAccessFile(Optional.of(home)),
                io.lanyard.core.audit.AuditSinks.all(audited::add, events),
                io.lanyard.plugin.dirsync.DirectorySyncs.none(), pageTemplates, Optional.of(events),
                Optional.of(logins), "Jira 10.3.0 (test)");
        this.pages = web.adminServlet();
        this.api = web.apiServlet();
    }

    /** A form posted back as the page shows it: its texts, and its ticked check boxes as "true". */
    static Map<String, String> posted(io.lanyard.plugin.admin.integration.IntegrationForm<?> form) {
        Map<String, String> parameters = new java.util.HashMap<>();
        form.toSoy().forEach((name, value) -> {
            if (!(value instanceof Boolean) || (Boolean) value) {
                parameters.put(name, value instanceof Boolean ? "true" : String.valueOf(value));
            }
        });
        return parameters;
    }

    /** Nothing from outside the files: every secret is the file's. */
    static ClientSecretResolver filesOnly() {
        return environment(Map.of());
    }

    /** These environment variables, as if the host had been started with them. */
    static ClientSecretResolver environment(Map<String, String> variables) {
        return new ClientSecretResolver(variables, Map.of(), SecuredPropertyValues.none());
    }

    IntegrationXmlStore<IdentityProviderConfig> providerXml() {
        return IntegrationXmlStore.of(IntegrationKind.IDENTITY_PROVIDER, home);
    }

    IntegrationXmlStore<EntraConnectorConfig> connectorXml() {
        return IntegrationXmlStore.of(IntegrationKind.ENTRA_CONNECTOR, home);
    }

    AdminHttp.Response call(HttpServlet servlet, AdminHttp.Request request) throws IOException {
        AdminHttp.Response response = new AdminHttp.Response();
        try {
            servlet.service(request.mock, response.mock);
        } catch (javax.servlet.ServletException e) {
            throw new AssertionError(e);
        }
        return response;
    }

    AdminHttp.Response get(String path) throws IOException {
        return get(path, Map.of());
    }

    AdminHttp.Response get(String path, Map<String, String> query) throws IOException {
        AdminHttp.Request request = new AdminHttp.Request("GET", PAGES + path, session);
        query.forEach(request::parameter);
        return call(pages, request);
    }

    /** A form post from the page, with this session's XSRF token. */
    AdminHttp.Response post(String path, Map<String, String> parameters) throws IOException {
        AdminHttp.Request request = new AdminHttp.Request("POST", PAGES + path, session)
                .parameter(XsrfTokens.FORM_FIELD, token());
        parameters.forEach(request::parameter);
        return call(pages, request);
    }

    AdminHttp.Request apiRequest(String method, String path) {
        return new AdminHttp.Request(method, API + path, session);
    }

    /** An API call; state-changing ones carry the XSRF header. */
    AdminHttp.Response api(String method, String path, String json) throws IOException {
        AdminHttp.Request request = apiRequest(method, path);
        if (!method.equals("GET")) {
            request.header(XsrfTokens.HEADER, token());
        }
        if (json != null) {
            request.json(json);
        }
        return call(api, request);
    }

    String token() {
        return new XsrfTokens().tokenFor(sessionRequest());
    }

    private HttpServletRequest sessionRequest() {
        return new AdminHttp.Request("GET", PAGES, session).mock;
    }
}
