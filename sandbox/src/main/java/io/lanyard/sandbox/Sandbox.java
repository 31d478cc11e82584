package io.lanyard.sandbox;

import io.lanyard.core.LanyardPaths;
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
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.TokenIssuerConfig;
import io.lanyard.core.config.CiTrustPolicy;
import io.lanyard.sandbox.app.CiTokenServlet;
import io.lanyard.sandbox.ci.CiIssuerStandIn;
import io.lanyard.core.config.change.ClientSecretAdministration;
import io.lanyard.core.config.change.ConfigurationService;
import io.lanyard.core.config.change.SettingsService;
import io.lanyard.core.discovery.ProviderDocuments;
import io.lanyard.core.config.xml.ConfigurationFiles;
import io.lanyard.core.config.xml.IntegrationXmlStore;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.host.ClusterState;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.login.InMemorySeenLoginStates;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.login.LogoutService;
import io.lanyard.core.login.PendingLoginSeal;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.SecretStatus;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.session.SessionRevocations;
import io.lanyard.core.signin.EmergencyAccessFile;
import io.lanyard.core.signin.EmergencyAccessPolicy;
import io.lanyard.plugin.admin.AdminPageLayout;
import io.lanyard.plugin.dirsync.DirectorySyncs;
import io.lanyard.plugin.lifecycle.LanyardAdministration;
import io.lanyard.plugin.lifecycle.LanyardSecrets;
import io.lanyard.plugin.lifecycle.StartupConfiguration;
import io.lanyard.plugin.web.BasicAuthFilter;
import io.lanyard.plugin.web.BearerFilter;
import io.lanyard.plugin.session.NoRememberMe;
import io.lanyard.plugin.web.EmergencyAccessFilter;
import io.lanyard.plugin.web.JwksServlet;
import io.lanyard.plugin.web.LanyardLogoutWeb;
import io.lanyard.plugin.web.LanyardText;
import io.lanyard.plugin.web.LanyardWeb;
import io.lanyard.plugin.web.SignInTemplates;
import io.lanyard.plugin.web.WebSudoPromptFilter;
import io.lanyard.sandbox.app.SandboxWebSudo;
import io.lanyard.core.signin.CustomPages;
import io.lanyard.sandbox.app.AuiResourcesServlet;
import io.lanyard.sandbox.cluster.HazelcastClusterState;
import io.lanyard.sandbox.graph.GraphStandIn;
import io.lanyard.sandbox.graph.StandInTenant;
import io.lanyard.sandbox.host.BotKillerStandIn;
import io.lanyard.sandbox.host.SandboxAdminAccess;
import io.lanyard.sandbox.host.SandboxRequestLogin;
import io.lanyard.sandbox.host.SandboxSessionLogin;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import io.lanyard.sandbox.idp.BuiltInProvider;
import io.lanyard.sandbox.idp.ClientSecretFile;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.servlet.Filter;
import org.apache.catalina.startup.Tomcat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Starts the sandbox: Lanyard's configuration from {@code <home>/lanyard/provider.xml} (written with the built-in
 * provider on first start), the built-in provider when the configuration uses it, and Tomcat with the demo app and
 * Lanyard's edge, wired exactly as a product plugin wires them. Client secrets resolve as in a product: from the
 * process's environment and JVM properties first (names in the README, "Client secrets"), then from the XML; the
 * product and version the sandbox pretends to be ({@code --product}, {@code --product-version}) decide whether
 * {@code secrets.secured-properties} applies.
 */
public final class Sandbox {

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

    private Sandbox() {
    }

    /** With this process's real environment and system properties, as a product plugin starts. */
    public static RunningSandbox start(SandboxOptions options) throws IOException {
        return start(options, lanyardDirectory -> ClientSecretResolver.atStart(options.product(),
                Optional.of(lanyardDirectory)));
    }

    /**
     * @param secrets makes the client secret resolver from Lanyard's folder; tests give one with an injected
     *                environment
     */
    static RunningSandbox start(SandboxOptions options, Function<Path, ClientSecretResolver> secrets)
            throws IOException {
        return start(options, secrets, SandboxHost.standalone(options.product()));
    }

    /** @param host how the host behaves beyond the options: a second node of a cluster, a shorter bot killer */
    static RunningSandbox start(SandboxOptions options, Function<Path, ClientSecretResolver> secrets,
            SandboxHost givenHost) throws IOException {
        routeJavaUtilLoggingToSlf4j();
        SandboxHost host = options.cluster().map(givenHost::inClusterBehind).orElse(givenHost);
        SandboxPorts.Use sandboxPort = SandboxPorts.sandbox(options);
        SandboxPorts.requireFree(List.of(sandboxPort)); // the usual conflict, said before anything else
        LOG.info("Pretending to be {} {}", options.product().platformId(), options.product().version());
        Path home = options.home();
        Path lanyardDirectory = home.resolve("lanyard");
        ConfigurationFiles files = new ConfigurationFiles(lanyardDirectory);
        IntegrationXmlStore<IdentityProviderConfig> store = files.store(IntegrationKind.IDENTITY_PROVIDER);
        // As in a product: a broken file is logged with its LNY-10x errors and Lanyard runs without providers, so
        // the local login and the admin page stay usable to repair it.
        Optional<LanyardConfiguration> stored = store.exists()
                ? Optional.of(StartupConfiguration.withFileOf(LanyardConfiguration.empty(), store))
                : Optional.empty();
        Optional<SandboxPorts.Use> builtInPort = host.runsBuiltInProvider()
                ? SandboxPorts.builtInProvider(options, stored, store.file()) : Optional.empty();
        if (options.cluster().isPresent() && builtInPort.isPresent() && stored.isPresent()
                && !SandboxPorts.isFree(builtInPort.get())) {
            LOG.info("The built-in identity provider's port {} is taken: another node of the cluster runs it",
                    builtInPort.get().port());
            builtInPort = Optional.empty();
        }
        List<SandboxPorts.Use> ports = new ArrayList<>(List.of(sandboxPort));
        builtInPort.ifPresent(ports::add);
        SandboxPorts.requireFree(ports); // before anything starts or is written

        Files.createDirectories(lanyardDirectory);
        ClientSecretResolver secretResolver = secrets.apply(lanyardDirectory);
        Secret clientSecret = ClientSecretFile.loadOrCreate(home);
        AtomicReference<URI> baseUrl = new AtomicReference<>();
        AtomicReference<ConfigurationHolder> configurationOnceRead = new AtomicReference<>();
        BuiltInProvider builtIn = null;
        GraphStandIn graphStandIn = null;
        CiIssuerStandIn ciIssuers = null;
        StandInTenant tenant = new StandInTenant();
        ClusterState cluster = null;
        LanyardSecrets lanyardSecrets = null;
        SandboxDirectorySync directorySync = SandboxDirectorySync.withoutTenant();
        try {
            if (builtInPort.isPresent()) {
                builtIn = startBuiltIn(builtInPort.get(), clientSecret, baseUrl, configurationOnceRead, tenant);
            } else if (!host.runsBuiltInProvider()) {
                LOG.info("The built-in identity provider in {} runs on the cluster's first node", store.file());
            } else {
                LOG.info("No identity provider in {} is the built-in one: not starting it{}", store.file(),
                        options.identityProviderPortGiven() ? " (--idp-port not used)" : "");
            }
            SettingsService settings = new SettingsService(Optional.of(lanyardDirectory));
            LanyardConfiguration providers = stored.isPresent() ? stored.get()
                    : firstStart(store, builtIn, clientSecret, options.signInDemo());
            if (stored.isEmpty() && options.signInDemo() && settings.file().filter(Files::exists).isEmpty()) {
                enforceSso(settings);
            }
            LanyardConfiguration withIssuers = tokenIssuers(files.store(IntegrationKind.TOKEN_ISSUER),
                    StartupConfiguration.withFileOf(providers, files.store(IntegrationKind.ENTRA_CONNECTOR)), builtIn,
                    clientSecret);
            if (builtIn != null) {
                ciIssuers = CiIssuerStandIn.start(0, host.clock());
            }
            withIssuers = ciPolicies(files.store(IntegrationKind.CI_TRUST_POLICY), withIssuers, ciIssuers);
            ConfigurationHolder holder = new ConfigurationHolder(withIssuers);
            configurationOnceRead.set(holder);
            cluster = options.cluster().isPresent() ? HazelcastClusterState.join(home, host.clock())
                    : new LocalClusterState(host.clock());
            // the audit trail as in a product: the log line and Lanyard's event store in the (shared) home
            EventStore events = EventStore.inFolder(lanyardDirectory, cluster.nodeName(), host.clock());
            AuditSink audit = AuditSinks.all(new LoggingAuditSink(), events);
            ConfigurationService changes = new ConfigurationService(holder, files, secretResolver, cluster, audit);
            if (builtIn != null && stored.isPresent()) {
                moveBuiltInProvider(changes, builtIn.port(), store);
            }
            if (options.builtInEntraStandIn()) {
                graphStandIn = GraphStandIn.start(clientSecret, tenant);
                SandboxGraph.connect(changes, clientSecret, graphStandIn.url());
                directorySync = SandboxDirectorySync.withGeneratedTenant(changes, clientSecret);
            }
            logSecretSources(holder.current(), secretResolver);
            EntraEndpoints entra = directorySync.endpoints(entraEndpoints(options, Optional.ofNullable(graphStandIn)));
            lanyardSecrets = new LanyardSecrets(holder, secretResolver, Optional.of(lanyardDirectory),
                    "Lanyard sandbox", entra, HttpLimits.DEFAULT, Clock.systemUTC()).startBackground();
            SandboxUserDirectory directory = new SandboxUserDirectory();
            DirectorySyncs syncs = directorySync.start(holder, lanyardDirectory, lanyardSecrets, directory,
                    audit, cluster);
            Tomcat tomcat = startTomcat(options, host, lanyardDirectory, holder, changes, settings, lanyardSecrets,
                    baseUrl, cluster, directory, entra, Optional.ofNullable(ciIssuers), syncs, events, audit);
            return new RunningSandbox(tomcat, builtIn, graphStandIn, baseUrl.get(), home, lanyardDirectory, holder,
                    directory, lanyardSecrets, cluster, directorySync);
        } catch (IOException | RuntimeException e) {
            if (builtIn != null) {
                builtIn.close(); // do not leave the provider's port taken behind a failed start
            }
            if (graphStandIn != null) {
                graphStandIn.close();
            }
            if (ciIssuers != null) {
                ciIssuers.close();
            }
            if (cluster instanceof AutoCloseable member) {
                closeQuietly(member);
            }
            if (lanyardSecrets != null) {
                lanyardSecrets.close();
            }
            directorySync.close();
            throw e;
        }
    }

    /**
     * API access: {@code token-issuer.xml} as it is; on a first start with the built-in provider, one issuer whose
     * client {@code lanyard-sandbox} acts as {@code sandbox-bot}; moved with the built-in provider's port.
     */
    private static LanyardConfiguration tokenIssuers(IntegrationXmlStore<TokenIssuerConfig> store,
            LanyardConfiguration configuration, BuiltInProvider builtIn, Secret clientSecret) {
        if (store.exists()) {
            LanyardConfiguration loaded = StartupConfiguration.withFileOf(configuration, store);
            if (builtIn == null) {
                return loaded;
            }
            List<TokenIssuerConfig> moved = SandboxProviders.withBuiltInTokenIssuerAt(
                    loaded.all(IntegrationKind.TOKEN_ISSUER), builtIn.port());
            if (!moved.equals(loaded.all(IntegrationKind.TOKEN_ISSUER))) {
                store.save(moved);
            }
            return loaded.with(IntegrationKind.TOKEN_ISSUER, moved);
        }
        if (builtIn == null) {
            return configuration;
        }
        List<TokenIssuerConfig> initial = List.of(SandboxProviders.initialTokenIssuer(builtIn.port(), clientSecret));
        store.save(initial);
        LOG.info("Wrote {}: API access for the built-in provider's client {} as {}", store.file(),
                BuiltInProvider.CLIENT_ID, SandboxProviders.SERVICE_ACCOUNT);
        return configuration.with(IntegrationKind.TOKEN_ISSUER, initial);
    }

    /**
     * CI jobs without secrets: {@code ci-trust.xml} as it is, the sandbox's own policy moved to the stand-in CI
     * issuers' port; on a first start with the built-in provider, that one policy (the stand-in Bitbucket workspace's
     * sample repository on main acts as {@code ci-bot}).
     */
    private static LanyardConfiguration ciPolicies(IntegrationXmlStore<CiTrustPolicy> store,
            LanyardConfiguration configuration, CiIssuerStandIn standIn) {
        if (store.exists()) {
            LanyardConfiguration loaded = StartupConfiguration.withFileOf(configuration, store);
            if (standIn == null) {
                return loaded;
            }
            List<CiTrustPolicy> moved = SandboxProviders.withCiStandInAt(loaded.all(IntegrationKind.CI_TRUST_POLICY),
                    standIn);
            if (!moved.equals(loaded.all(IntegrationKind.CI_TRUST_POLICY))) {
                store.save(moved);
            }
            return loaded.with(IntegrationKind.CI_TRUST_POLICY, moved);
        }
        if (standIn == null) {
            return configuration;
        }
        List<CiTrustPolicy> initial = List.of(SandboxProviders.initialCiPolicy(standIn));
        store.save(initial);
        LOG.info("Wrote {}: CI jobs of the stand-in Bitbucket workspace's sample repository on main act as {}",
                store.file(), SandboxProviders.CI_SERVICE_ACCOUNT);
        return configuration.with(IntegrationKind.CI_TRUST_POLICY, initial);
    }

    /**
     * A new sandbox: {@code provider.xml} with the built-in provider under a new id; with the sign-in demo, its two
     * issuers.
     */
    private static LanyardConfiguration firstStart(IntegrationXmlStore<IdentityProviderConfig> store, BuiltInProvider builtIn,
            Secret clientSecret, boolean signInDemo) {
        LanyardConfiguration providers = signInDemo
                ? SandboxProviders.initial(builtIn.issuer(), builtIn.contractorsIssuer(), clientSecret)
                : SandboxProviders.initial(builtIn.issuer(), clientSecret);
        store.save(providers);
        LOG.info("Wrote {} with the built-in identity provider{}", store.file(),
                signInDemo ? "'s two issuers (the sign-in demo)" : "");
        return providers;
    }

    /**
     * A new sandbox enforces single sign-on, with emergency access for system administrators (the defaults of
     * {@code settings.xml}'s emergency-access section): admin/admin gets in through the password form, alice/alice
     * is logged out again with LNY-801.
     */
    private static void enforceSso(SettingsService settings) {
        settings.change(current -> current.toBuilder().ssoEnforced(true).build());
        LOG.info("Wrote {}: single sign-on enforced, password logins for system administrators only",
                settings.file().orElseThrow());
    }

    /**
     * After {@code --idp-port} moved the built-in provider, changes its URLs in {@code provider.xml} to the port it
     * listens on, through the same validated, atomic write as the admin pages (the previous file is kept as
     * {@code provider.xml.bak}). Nothing is written when they already match.
     */
    private static void moveBuiltInProvider(ConfigurationService changes, int port,
            IntegrationXmlStore<IdentityProviderConfig> store) {
        LanyardConfiguration current = changes.current();
        LanyardConfiguration moved = SandboxProviders.withBuiltInProviderAt(current, port);
        if (moved.equals(current)) {
            return;
        }
        changes.change(configuration -> moved);
        LOG.info("Moved the built-in identity provider in {} from port {} to {} (--idp-port); the previous file is {}",
                store.file(), SandboxProviders.builtInProviderPort(current).orElse(0), port,
                store.backupFileName());
    }

    /**
     * @param configuration where the provider finds its id, for the address of Lanyard's back-channel endpoint it
     *                      sends logout tokens to
     */
    private static BuiltInProvider startBuiltIn(SandboxPorts.Use port, Secret clientSecret,
            AtomicReference<URI> baseUrl, AtomicReference<ConfigurationHolder> configuration, StandInTenant tenant)
            throws IOException {
        BuiltInProvider provider;
        try {
            AtomicReference<URI> issuer = new AtomicReference<>();
            provider = BuiltInProvider.start(port.port(), clientSecret, () -> {
                URI base = baseUrl.get();
                return base == null ? null : base + LanyardPaths.CALLBACK_PREFIX;
            }, () -> {
                URI base = baseUrl.get();
                return base == null ? null : base + LanyardPaths.POST_LOGOUT;
            }, () -> Optional.ofNullable(configuration.get()).flatMap(holder -> holder.current().identityProviders()
                    .stream().filter(p -> p.issuer().equals(String.valueOf(issuer.get()))).findFirst())
                    .flatMap(p -> Optional.ofNullable(baseUrl.get())
                            .map(base -> URI.create(base + LanyardPaths.backChannelLogoutPath(p.id())))), tenant);
            issuer.set(provider.issuer());
        } catch (BindException e) {
            // taken since SandboxPorts checked it
            throw new BindException("port " + port.port() + " of " + port.whose() + ": " + e.getMessage() + ": "
                    + port.wayOut());
        }
        LOG.info("Built-in identity provider listening, issuer {}", provider.issuer());
        return provider;
    }

    /** Says at start where each secret comes from and the name to give it from outside, as the admin UI shows it. */
    private static void logSecretSources(LanyardConfiguration configuration, ClientSecretResolver secrets) {
        configuration.identityProviders().forEach(p -> logStatus(ClientSecretAdministration.status(p, secrets)));
        configuration.entraConnectors().forEach(c -> logStatus(ClientSecretAdministration.status(c, secrets)));
    }

    private static void logStatus(SecretStatus status) {
        LOG.info("Client secret of {}: {}{}; to give it from outside: {}", status.owner(), status.label(),
                status.origin().map(origin -> " (" + origin + " " + status.propertyName().orElse("") + ")").orElse(""),
                status.propertyNameForThisId());
    }

    private static Tomcat startTomcat(SandboxOptions options, SandboxHost host, Path lanyardDirectory,
            ConfigurationHolder configuration, ConfigurationService changes, SettingsService settings,
            LanyardSecrets secrets, AtomicReference<URI> baseUrl, ClusterState cluster, SandboxUserDirectory directory,
            EntraEndpoints entra, Optional<CiIssuerStandIn> ciIssuers, DirectorySyncs syncs, EventStore events,
            AuditSink audit) throws IOException {
        SandboxSessionLogin sessionLogin = new SandboxSessionLogin(directory);
        Clock clock = host.clock();
        // The base URL is known once Tomcat has its port; the core reads it per login, after that.
        LoginService loginService = LoginService.builder(configuration, secrets.resolver(), directory, baseUrl::get,
                clock).signingKeys(secrets.signingKeys()).seenStates(new ClusterSeenLoginStates(cluster))
                .writes(directory, directory).audit(audit).entraEndpoints(entra)
                .providerDocuments(ProviderDocuments.inFolder(lanyardDirectory, clock))
                .directories(directory).build();
        // The sign-in pages, with the administrator's own templates in Lanyard's folder (edited on the Sign-in tab)
        SignInTemplates pageTemplates = new SignInTemplates(LanyardText.english(), "Lanyard sandbox",
                CustomPages.in(Optional.of(lanyardDirectory)));
        // As in a product: pending logins sealed under the key in Lanyard's folder, which every node shares.
        LanyardWeb lanyard = LanyardWeb.create(loginService, configuration, sessionLogin, LoginPage.SANDBOX,
                baseUrl::get, PendingLoginSeal.inFolder(lanyardDirectory), settings, clock, pageTemplates, audit);
        SessionRevocations revocations = SessionRevocations.of(cluster, clock);
        LanyardLogoutWeb logout = LanyardLogoutWeb.create(lanyard, LogoutService.create(loginService, cluster,
                revocations, audit), revocations, new NoRememberMe(), clock);
        SandboxAdminAccess adminAccess = new SandboxAdminAccess(sessionLogin, directory);
        EmergencyAccessFile emergencyFile = new EmergencyAccessFile(Optional.of(lanyardDirectory));
        EmergencyAccessFilter emergencyAccess = EmergencyAccessFilter.create(LoginPage.SANDBOX, settings,
                new EmergencyAccessPolicy(emergencyFile, directory, clock), adminAccess, audit, clock,
                lanyard.errorPage());
        // The same admin pages as in the products; AUI comes from the sandbox itself instead of a host decorator.
        LanyardAdministration admin = new LanyardAdministration(Optional.of(changes),
                adminAccess, secrets, baseUrl::get, LoginPage.SANDBOX,
                AdminPageLayout.standalone(List.of(AuiResourcesServlet.STYLESHEET)), HttpLimits.DEFAULT,
                Clock.systemUTC(), settings, emergencyFile, audit, syncs, pageTemplates, Optional.of(events),
                Optional.of(loginService), "Lanyard sandbox");
        Optional<Filter> botKiller = host.botKillerCut().map(cut -> new BotKillerStandIn(sessionLogin, cut));
        // API access: a missing service account is created in the sandbox's directory, as a product creates it
        BearerFilter bearer = new BearerFilter(new BearerAuthenticator(configuration, secrets.resolver(), directory,
                directory, audit, clock, HttpLimits.DEFAULT), new SandboxRequestLogin());
        // the Basic-auth side door: closed for the accounts Lanyard manages when settings.xml says so
        BasicAuthFilter basicAuth = new BasicAuthFilter(new BasicAuthCheck(settings::refreshed,
                new BasicAuthOffFile(Optional.of(lanyardDirectory)), directory, directory, audit, clock),
                LoginPage.SANDBOX);
        // WebSudo as Confluence has it, and Lanyard's re-authentication at the provider on its prompt
        SandboxWebSudo webSudo = new SandboxWebSudo(sessionLogin, directory);
        SandboxTomcat.WebSudoEdge webSudoEdge = new SandboxTomcat.WebSudoEdge(webSudo,
                lanyard.reauthenticateServlet(adminAccess, webSudo, clock),
                new WebSudoPromptFilter("destination", settings));
        Tomcat tomcat = SandboxTomcat.start(options.port(), options.home(), botKiller, bearer, basicAuth, lanyard,
                logout, emergencyAccess, admin, new JwksServlet(secrets.signingKeys()), sessionLogin, directory, ciIssuers,
                webSudoEdge);
        // The stand-in CI issuers stop with the sandbox's Tomcat.
        ciIssuers.ifPresent(standIn -> tomcat.getServer().addLifecycleListener(event -> {
            if (org.apache.catalina.Lifecycle.AFTER_STOP_EVENT.equals(event.getType())) {
                standIn.close();
            }
        }));
        ciIssuers.ifPresent(standIn -> LOG.info("Stand-in CI issuers (Bitbucket Pipelines, GitHub Actions, GitLab) at "
                + "http://localhost:{}; a Pipelines job token: curl http://localhost:{}{}", standIn.port(),
                tomcat.getConnector().getLocalPort(), CiTokenServlet.PATH));
        int port = tomcat.getConnector().getLocalPort();
        baseUrl.set(host.baseUrl().orElse(URI.create("http://localhost:" + port)));
        LOG.info("Sandbox listening at http://localhost:{}{}", port,
                host.baseUrl().map(front -> ", a node of the cluster at " + front).orElse(""));
        botKiller.ifPresent(filter -> LOG.info("As {} does, new sessions are cut to {} s after their first request "
                + "(the product's bot killer)", options.product().platformId(), host.botKillerCut().get().toSeconds()));
        return tomcat;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Could not stop {}: {}", closeable, e.toString());
        }
    }

    /** Microsoft's endpoints, unless {@code --entra-stand-in} names a local stand-in or the built-in one runs. */
    private static EntraEndpoints entraEndpoints(SandboxOptions options, Optional<GraphStandIn> builtIn) {
        return builtIn.map(GraphStandIn::url).or(options::entraStandIn).<EntraEndpoints>map(url -> {
            LOG.warn("Entra ID and Graph calls (connector tests, group overage) go to the stand-in at {}, not to "
                    + "Microsoft (--entra-stand-in)", url);
            return new EntraStandIn(url);
        }).orElse(EntraEndpoints.NATIONAL_CLOUDS);
    }

    /** Tomcat and okhttp log through java.util.logging; send that to SLF4J so logback.xml governs everything. */
    private static void routeJavaUtilLoggingToSlf4j() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
