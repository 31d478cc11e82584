package io.lanyard.plugin.lifecycle;

import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.audit.AuditSinks;
import io.lanyard.core.audit.EventStore;
import io.lanyard.core.audit.LoggingAuditSink;
import io.lanyard.core.bearer.BasicAuthCheck;
import io.lanyard.core.bearer.BasicAuthOffFile;
import io.lanyard.core.bearer.BearerAuthenticator;
import io.lanyard.core.cluster.ClusterSeenLoginStates;
import io.lanyard.core.cluster.LocalClusterState;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.change.ConfigurationService;
import io.lanyard.core.config.change.SettingsService;
import io.lanyard.core.discovery.ProviderDocuments;
import io.lanyard.core.config.xml.ConfigurationFiles;
import io.lanyard.core.host.AccountWrites;
import io.lanyard.core.dirsync.DirectorySync;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.host.BaseUrl;
import io.lanyard.core.host.ClusterState;
import io.lanyard.core.host.GroupMembership;
import io.lanyard.core.host.GroupWrites;
import io.lanyard.core.host.HomeDirectory;
import io.lanyard.core.host.HostProduct;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.host.UserDirectory;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.login.LogoutService;
import io.lanyard.core.login.PendingLoginSeal;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.signin.EmergencyAccessFile;
import io.lanyard.core.session.SessionRevocations;
import io.lanyard.plugin.dirsync.DirectorySyncs;
import io.lanyard.plugin.session.RememberMe;
import io.lanyard.plugin.session.RequestLogin;
import io.lanyard.plugin.session.SessionLogin;
import io.lanyard.plugin.web.BasicAuthFilter;
import io.lanyard.plugin.web.BearerFilter;
import io.lanyard.plugin.web.CallbackServlet;
import io.lanyard.plugin.web.LanyardLogoutWeb;
import io.lanyard.plugin.web.JwksServlet;
import io.lanyard.plugin.web.LanyardWeb;
import io.lanyard.plugin.web.LoggedOutServlet;
import io.lanyard.plugin.web.LoginFilter;
import io.lanyard.plugin.web.LoginServlet;
import io.lanyard.plugin.web.LanyardText;
import io.lanyard.plugin.web.SignInTemplates;
import io.lanyard.plugin.web.EmergencyAccessFilter;
import io.lanyard.plugin.web.PasswordForms;
import io.lanyard.plugin.web.ReauthenticateServlet;
import io.lanyard.plugin.web.WebSudoPromptFilter;
import io.lanyard.plugin.session.WebSudoSessions;
import io.lanyard.plugin.session.AdminAccess;
import io.lanyard.core.host.AccountDirectories;
import io.lanyard.core.host.GroupMembership;
import io.lanyard.core.signin.EmergencyAccessPolicy;
import io.lanyard.core.signin.CustomPages;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin as a whole, as each product's Spring XML creates it from the host's services and the product's
 * adapters: reads the configuration files of Lanyard's folder, resolves the client secrets once
 * ({@link ClientSecretResolver#atStart}), builds the {@link LoginService} and the servlet edge, and hands the filter
 * and servlets to the descriptor ({@code class="bean:…"}) through its factory methods. Its secrets and keys
 * ({@link LanyardSecrets}) keep a background thread, which {@link #close()} (the bean's destroy method) stops.
 *
 * <p>Creating it never fails because of the configuration (see {@link StartupConfiguration}): a product whose
 * Lanyard configuration is broken still starts, with its own login.
 */
public final class LanyardPlugin implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LanyardPlugin.class);
    private static final String NO_WRITES = "this product's adapter offers no writes to users and groups";

    private final ConfigurationHolder configuration;
    private final Optional<Path> lanyardDirectory;
    private final ClientSecretResolver clientSecrets;
    private final LanyardSecrets secrets;
    private final Optional<ConfigurationService> changes;
    private final LoginService loginService;
    private final LanyardWeb web;
    private final SignInTemplates signInTemplates;
    /** The log line, Lanyard's event store in the shared home, and the product's audit log where it has one. */
    private final AuditSink audit;
    private final Optional<EventStore> events;
    private final String productDescription;
    private final BearerAuthenticator bearer;
    private final Clock clock = Clock.systemUTC();
    /**
     * What the nodes share: the product's cluster services ({@code io.lanyard.plugin.cluster.HostClusterState}),
     * or this node's memory alone.
     */
    private final ClusterState cluster;
    private final SessionRevocations revocations;
    private final LogoutService logouts;
    private final SettingsService settings;
    private final EmergencyAccessFile emergencyFile;
    /** Where the product's own password form posts: what emergency access looks at. */
    private final List<String> passwordForms;
    private final BasicAuthCheck basicAuth;
    private final LoginPage loginPage;
    private final DirectorySyncs directorySyncs;

    /** A lone node without writes to the host's users and groups (just-in-time creation and group sync: LNY-617). */
    public LanyardPlugin(HostProduct product, HomeDirectory home, BaseUrl baseUrl, UserDirectory users,
            SessionLogin sessionLogin, LoginPage loginPage) {
        this(product, home, baseUrl, users, AccountWrites.unavailable(NO_WRITES), GroupWrites.unavailable(NO_WRITES),
                sessionLogin, loginPage);
    }

    /** A lone node: nothing shared with other nodes but the home's files and their lock. */
    public LanyardPlugin(HostProduct product, HomeDirectory home, BaseUrl baseUrl, UserDirectory users,
            AccountWrites accounts, GroupWrites groups, SessionLogin sessionLogin, LoginPage loginPage) {
        this(product, home, baseUrl, users, accounts, groups, sessionLogin, loginPage,
                new LocalClusterState(Clock.systemUTC()));
    }

    /**
     * @param accounts the product's account writes (just-in-time creation, updates, the remembered identity)
     * @param groups   the product's group memberships (group sync, default groups)
     * @param cluster  what the nodes share, through the product's cluster services
     */
    public LanyardPlugin(HostProduct product, HomeDirectory home, BaseUrl baseUrl, UserDirectory users,
            AccountWrites accounts, GroupWrites groups, SessionLogin sessionLogin, LoginPage loginPage,
            ClusterState cluster) {
        this(product, home, baseUrl, users, accounts, groups, sessionLogin, loginPage, cluster,
                AccountDirectories.unknown(), AuditSink.none());
    }

    /**
     * @param directories which directory holds an account, for providers restricted to one ({@code ALLOWED_DIRECTORY})
     * @param hostAudit   the product's own audit log ({@code io.lanyard.plugin.audit.HostAuditLog}), or none where the
     *                    product has none (Bamboo)
     */
    public LanyardPlugin(HostProduct product, HomeDirectory home, BaseUrl baseUrl, UserDirectory users,
            AccountWrites accounts, GroupWrites groups, SessionLogin sessionLogin, LoginPage loginPage,
            ClusterState cluster, AccountDirectories directories, AuditSink hostAudit) {
        Objects.requireNonNull(home, "home");
        this.passwordForms = PasswordForms.of(platformId(product), loginPage);
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.revocations = SessionRevocations.of(cluster, clock);
        this.productDescription = describe(product);
        LOG.info("Lanyard starting in {} ({})", productDescription, cluster.nodeName());
        this.lanyardDirectory = StartupConfiguration.locate(home);
        this.configuration = new ConfigurationHolder(StartupConfiguration.load(lanyardDirectory));
        this.events = lanyardDirectory.map(directory -> EventStore.inFolder(directory, cluster.nodeName(), clock));
        this.audit = events.isPresent()
                ? AuditSinks.all(new LoggingAuditSink(), events.get(), Objects.requireNonNull(hostAudit, "hostAudit"))
                : AuditSinks.all(new LoggingAuditSink(), Objects.requireNonNull(hostAudit, "hostAudit"));
        this.clientSecrets = ClientSecretResolver.atStart(product, lanyardDirectory);
        this.secrets = new LanyardSecrets(configuration, clientSecrets, lanyardDirectory,
                certificateName(product, baseUrl), EntraEndpoints.NATIONAL_CLOUDS, HttpLimits.DEFAULT, clock)
                .startBackground();
        // one per plugin: it keeps the configuration in step with the files other nodes change
        this.changes = lanyardDirectory.map(directory -> new ConfigurationService(configuration,
                new ConfigurationFiles(directory), clientSecrets, cluster, audit));
        this.loginService = LoginService.builder(configuration, clientSecrets, users, baseUrl, clock)
                .signingKeys(secrets.signingKeys()).seenStates(new ClusterSeenLoginStates(cluster))
                .writes(accounts, groups).audit(audit).directories(directories)
                .providerDocuments(lanyardDirectory.map(directory -> ProviderDocuments.inFolder(directory, clock))
                        .orElseGet(() -> ProviderDocuments.inMemory(clock))).build();
        this.logouts = LogoutService.create(loginService, cluster, revocations, audit);
        // API access: a missing service account is created through the same account writes as just-in-time accounts
        this.bearer = new BearerAuthenticator(configuration, clientSecrets, users, accounts, audit, clock,
                HttpLimits.DEFAULT);
        // settings.xml: never fails the start (a bad file is logged, the defaults hold)
        this.settings = new SettingsService(lanyardDirectory);
        this.emergencyFile = new EmergencyAccessFile(lanyardDirectory);
        // the Basic-auth side door: Lanyard's marks read through the account writes, exceptions by direct groups
        this.basicAuth = new BasicAuthCheck(settings::refreshed, new BasicAuthOffFile(lanyardDirectory), accounts,
                GroupMembership.directGroupsOf(groups), audit, clock);
        this.loginPage = loginPage;
        // Directory sync (issue 20): its state in the shared home, writes through the same ports as logins
        this.directorySyncs = new DirectorySyncs(configuration, lanyardDirectory.map(directory -> new DirectorySync(
                directory.resolve("dirsync"), new ProviderHttpClient(DirectorySyncs.GRAPH_LIMITS), secrets.graph(),
                new DirectorySync.Host(users, accounts, groups), audit, clock, cluster.nodeName())), clock)
                .startSchedule();
        // Sealed under the key in the shared home, so that any node opens what another sealed.
        this.signInTemplates = new SignInTemplates(LanyardText.english(), productName(product),
                CustomPages.in(lanyardDirectory));
        this.web = LanyardWeb.create(loginService, configuration, sessionLogin, loginPage, baseUrl,
                lanyardDirectory.map(PendingLoginSeal::inFolder).orElseGet(PendingLoginSeal::inMemory), settings,
                clock, signInTemplates, audit);
    }

    /** The subject of Lanyard's certificate, so that an administrator tells two installations' certificates apart. */
    static String certificateName(HostProduct product, BaseUrl baseUrl) {
        String name = "Lanyard";
        try {
            name += " " + product.platformId();
            String host = URI.create(String.valueOf(baseUrl.baseUrl())).getHost();
            return host == null ? name : name + " " + host;
        } catch (RuntimeException notKnownYet) {
            return name;
        }
    }

    /** The product's name on the sign-in pages; none when the host does not say which product it is. */
    private static String productName(HostProduct product) {
        return SignInTemplates.productName(platformId(product));
    }

    private static String platformId(HostProduct product) {
        try {
            return product.platformId();
        } catch (RuntimeException notKnownYet) {
            return "";
        }
    }

    /**
     * Emergency access on the product's own password form ({@link PasswordForms}): while single sign-on is enforced,
     * only the accounts {@code settings.xml} allows may stay logged in after a password login.
     *
     * @param access who is logged in after the form (SAL)
     * @param groups the emergency groups' check (SAL)
     */
    /**
     * Administrator re-authentication (WebSudo) at the provider.
     *
     * @param access  who is signed in (SAL)
     * @param webSudo the product's WebSudo session, or {@code NoWebSudo}
     */
    public ReauthenticateServlet reauthenticateServlet(AdminAccess access, WebSudoSessions webSudo) {
        return web.reauthenticateServlet(access, webSudo, clock);
    }

    /**
     * On the product's WebSudo prompt: a person signed in through a provider is sent to re-authenticate there.
     *
     * @param destinationParameter the prompt's parameter for the page it protects
     */
    public WebSudoPromptFilter webSudoPromptFilter(String destinationParameter) {
        return new WebSudoPromptFilter(destinationParameter, settings);
    }

    public EmergencyAccessFilter emergencyAccessFilter(AdminAccess access, GroupMembership groups) {
        return EmergencyAccessFilter.create(passwordForms, settings, new EmergencyAccessPolicy(emergencyFile, groups,
                clock), access, audit, clock, web.errorPage());
    }

    private static String describe(HostProduct product) {
        try {
            return product.platformId() + " " + product.version();
        } catch (RuntimeException e) {
            return "an application that does not say which (" + e + ")";
        }
    }

    public LoginFilter loginFilter() {
        return web.loginFilter();
    }

    public LoginServlet loginServlet() {
        return web.loginServlet();
    }

    /**
     * API access (issue 16): the filter that authenticates one request by Lanyard's bearer token.
     *
     * @param requestLogin how this product runs one request as a user without a lingering session
     */
    public BearerFilter bearerFilter(RequestLogin requestLogin) {
        return new BearerFilter(bearer, requestLogin);
    }

    /**
     * API access (issue 16): the filter that refuses HTTP Basic authentication of the accounts Lanyard manages when
     * settings.xml says so; it must run before the product's own Basic authentication.
     */
    public BasicAuthFilter basicAuthFilter() {
        return new BasicAuthFilter(basicAuth, loginPage);
    }

    public CallbackServlet callbackServlet() {
        return web.callbackServlet();
    }

    /** The sign-in pages people see, with the administrator's own templates (edited on the Sign-in tab). */
    public SignInTemplates signInTemplates() {
        return signInTemplates;
    }

    public LoggedOutServlet loggedOutServlet() {
        return web.loggedOutServlet();
    }

    /**
     * The logout edge (back-, front-channel and post-logout servlets, the revocation filter, the logout filter), with
     * the host's remember-me cookie; the Spring context calls it once.
     */
    public LanyardLogoutWeb logoutWeb(RememberMe rememberMe) {
        return LanyardLogoutWeb.create(web, logouts, revocations, rememberMe, clock);
    }

    /** Lanyard's public signing keys, at {@code /plugins/servlet/lanyard/jwks}. */
    public JwksServlet jwksServlet() {
        return new JwksServlet(secrets.signingKeys());
    }

    /** The secrets and keys: signing keys, expiry, node reports. */
    public LanyardSecrets secrets() {
        return secrets;
    }

    /** Stops the background threads (the plugin is disabled or uninstalled). */
    @Override
    public void close() {
        directorySyncs.close();
        secrets.close();
    }

    /** The Entra ID connectors' directory syncs: the schedule, "Sync now", "Preview", progress and reports. */
    public DirectorySyncs directorySyncs() {
        return directorySyncs;
    }

    /** The configuration in force, for the admin UI (which replaces it after a validated save). */
    public ConfigurationHolder configuration() {
        return configuration;
    }

    /** Lanyard's folder, where the configuration files live; empty when the application reports no home. */
    public Optional<Path> lanyardDirectory() {
        return lanyardDirectory;
    }

    /**
     * Where the admin UI validates, stores and swaps in changes; empty when the application reports no home (then
     * there is nowhere to store a change).
     */
    public Optional<ConfigurationService> configurationService() {
        return changes;
    }

    public LoginService loginService() {
        return loginService;
    }

    /** Lanyard's settings ({@code settings.xml}) in force, and the one way to change them. */
    public SettingsService settings() {
        return settings;
    }

    /** The emergency file of Lanyard's folder, which opens the product's password form for a while. */
    public EmergencyAccessFile emergencyFile() {
        return emergencyFile;
    }

    /** Where audit events go: the log, Lanyard's event store, and the product's audit log where it has one. */
    public AuditSink audit() {
        return audit;
    }

    /** The product and its version, as the start-up log names them (the support zip's versions). */
    public String productDescription() {
        return productDescription;
    }

    /** Lanyard's event store in the shared home (the admin page Events); empty when the application reports no home. */
    public Optional<EventStore> events() {
        return events;
    }

    /** The client secret resolution logins use, resolved once at start (the admin UI shows where each comes from). */
    public ClientSecretResolver clientSecrets() {
        return clientSecrets;
    }
}
