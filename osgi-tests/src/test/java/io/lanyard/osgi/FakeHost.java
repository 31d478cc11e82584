package io.lanyard.osgi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The services a product publishes to plugins, as recording fakes registered from the host bundle: SAL for all,
 * and what each product adapter references. They are proxies of our declarations of the host's API (host-api), which
 * follow the public evidence (docs/host-evidence.md), so a call whose shape differs fails here as on the product:
 * Jira's {@code onLoginAttempt} answers a {@code LoginInfo}. One user, alice, exists in every product and may use
 * it; dora exists but may not use the product ({@code AuthenticationController.canLogin} is false).
 */
final class FakeHost {

    static final String BASE_URL = "https://sso.example.com/app/";
    /** A user the products know but do not let in: SAL's canLogin says no. */
    static final String REFUSED_USER = "dora";
    /** What Seraph's SAL listener writes on a success (sal-core 5.1.4 SeraphAuthenticationListener). */
    static final String SERAPH_LOGGED_IN = "seraph_defaultauthenticator_user";
    /** The mark of a session made by a single sign-on (Atlassian's SSO and Lanyard set it). */
    static final String SSO_SESSION = "com.atlassian.plugins.authentication.userLoggedInWithSso";

    final Fake salUserManager;
    final Fake salAlice;
    final Fake salDora;
    final Fake applicationProperties;
    final Fake webSudoManager;
    final Fake authenticationController;
    /**
     * Behaves as Seraph's SAL listener (the principal of the success goes under Seraph's logged-in key) and, while
     * {@link #listenLikeConfluence}, as Confluence's: a session marked as a single sign-on has its login recorded with
     * Confluence's LoginManager (docs/host-evidence.md, 1.1).
     */
    final Fake authenticationListener;
    volatile boolean listenLikeConfluence;
    private ServiceRegistration<?> authenticationListenerRegistration;
    final Fake rememberMeService;
    final Fake bitbucketRememberMeService;
    final Fake securityConfig;

    final Fake jiraAlice;
    final Fake jiraDora;
    final Fake jiraUserManager;
    final Fake jiraLoginInfo;
    final Fake jiraLoginManager;
    final Fake userSearchService;

    final Fake crowdAlice;
    final Fake crowdDora;
    final Fake crowdService;
    final Fake confluenceAlice;
    final Fake userAccessor;
    final Fake confluenceLoginManager;

    final Fake bitbucketAlice;
    final Fake bitbucketDora;
    final Fake bitbucketUserService;
    final Fake i18nService;

    /** atlassian-cache: every replicated cache Lanyard asks for is this one map (its keys never collide in a test). */
    final Map<Object, Object> replicatedValues = new ConcurrentHashMap<>();
    final Fake replicatedCache;
    final Fake cacheManager;
    /** beehive: a lock that is always free. */
    final Fake clusterLock;
    final Fake clusterLockService;
    final Fake jiraClusterMessaging;
    final Fake confluenceEventPublisher;
    final Fake bitbucketTopic;
    final Fake bitbucketTopicService;

    private final FelixHost felix;

    FakeHost(FelixHost felix, Path home) {
        this.felix = felix;
        salAlice = fake("java.security.Principal").returning("getName", "alice");
        salDora = fake("java.security.Principal").returning("getName", REFUSED_USER);
        salUserManager = fake("com.atlassian.sal.api.user.UserManager").answer("resolve",
                args -> "alice".equals(args[0]) ? salAlice.proxy() : REFUSED_USER.equals(args[0]) ? salDora.proxy() : null);
        applicationProperties = fake("com.atlassian.sal.api.ApplicationProperties")
                .returning("getBaseUrl", BASE_URL)
                .returning("getPlatformId", "felix")
                .returning("getVersion", "7")
                .returning("getLocalHomeDirectory", Optional.of(home))
                .returning("getSharedHomeDirectory", Optional.empty());
        webSudoManager = fake("com.atlassian.sal.api.websudo.WebSudoManager");
        confluenceLoginManager = fake("com.atlassian.confluence.security.login.LoginManager");
        authenticationController = fake("com.atlassian.sal.api.auth.AuthenticationController")
                .answer("canLogin", args -> args[0] == salAlice.proxy());
        authenticationListener = fake("com.atlassian.sal.api.auth.AuthenticationListener")
                .answer("authenticationSuccess", args -> {
                    Object principal = FelixHost.call(args[0], "getPrincipal");
                    Object session = FelixHost.call(args[1], "getSession", true);
                    FelixHost.call(session, "setAttribute", SERAPH_LOGGED_IN, principal);
                    if (listenLikeConfluence && Boolean.TRUE.equals(FelixHost.call(session, "getAttribute", SSO_SESSION))) {
                        FelixHost.call(confluenceLoginManager.proxy(), "onSuccessfulLoginAttempt",
                                FelixHost.call(principal, "getName"), args[1]);
                    }
                    return null;
                });
        rememberMeService = fake("com.atlassian.seraph.service.rememberme.RememberMeService");
        bitbucketRememberMeService = fake("com.atlassian.bitbucket.auth.RememberMeService");
        securityConfig = fake("com.atlassian.seraph.config.SecurityConfig")
                .returning("getRememberMeService", rememberMeService.proxy());

        jiraAlice = user("com.atlassian.jira.user.ApplicationUser")
                .returning("getUsername", "alice");
        jiraDora = user("com.atlassian.jira.user.ApplicationUser").returning("getUsername", REFUSED_USER);
        jiraUserManager = fake("com.atlassian.jira.user.util.UserManager").answer("getUserByName",
                args -> "alice".equals(args[0]) ? jiraAlice.proxy() : REFUSED_USER.equals(args[0]) ? jiraDora.proxy() : null);
        jiraLoginInfo = fake("com.atlassian.jira.bc.security.login.LoginInfo");
        // Jira answers a LoginInfo: a plugin compiled against any other return type fails to link here
        jiraLoginManager = fake("com.atlassian.jira.security.login.LoginManager")
                .returning("onLoginAttempt", jiraLoginInfo.proxy());
        userSearchService = fake("com.atlassian.jira.bc.user.search.UserSearchService")
                .answer("findUsersByEmail", args -> "alice@example.com".equals(args[0]) ? List.of(jiraAlice.proxy()) : List.of());

        crowdAlice = user("com.atlassian.crowd.embedded.api.User").returning("getName", "alice");
        crowdDora = user("com.atlassian.crowd.embedded.api.User").returning("getName", REFUSED_USER);
        crowdService = fake("com.atlassian.crowd.embedded.api.CrowdService")
                .answer("getUser", args -> "alice".equals(args[0]) ? crowdAlice.proxy()
                        : REFUSED_USER.equals(args[0]) ? crowdDora.proxy() : null)
                .answer("userAuthenticated", args -> "alice".equals(args[0]) ? crowdAlice.proxy() : null);
        confluenceAlice = fake("com.atlassian.confluence.user.ConfluenceUser")
                .returning("getName", "alice")
                .returning("getFullName", "Alice Anderson")
                .returning("getEmail", "alice@example.com");
        userAccessor = fake("com.atlassian.confluence.user.UserAccessor")
                .answer("getUserByName", args -> "alice".equals(args[0]) ? confluenceAlice.proxy() : null);

        bitbucketAlice = user("com.atlassian.bitbucket.user.ApplicationUser").returning("getName", "alice");
        bitbucketDora = user("com.atlassian.bitbucket.user.ApplicationUser").returning("getName", REFUSED_USER);
        bitbucketUserService = fake("com.atlassian.bitbucket.user.UserService").answer("getUserByName",
                args -> "alice".equals(args[0]) ? bitbucketAlice.proxy() : REFUSED_USER.equals(args[0]) ? bitbucketDora.proxy() : null);
        Class<?> keyedMessage = felix.hostClass("com.atlassian.bitbucket.i18n.KeyedMessage");
        i18nService = fake("com.atlassian.bitbucket.i18n.I18nService").answer("getKeyedText", args -> {
            try {
                return keyedMessage.getConstructor(String.class, String.class, String.class)
                        .newInstance(args[0], args[1], args[1]);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });

        replicatedCache = fake("com.atlassian.cache.Cache")
                .answer("putIfAbsent", args -> replicatedValues.putIfAbsent(args[0], args[1]))
                .answer("replace", args -> replicatedValues.replace(args[0], args[1], args[2]))
                .answer("put", args -> replicatedValues.put(args[0], args[1]))
                .answer("get", args -> replicatedValues.get(args[0]))
                .answer("getKeys", args -> List.copyOf(replicatedValues.keySet()));
        cacheManager = fake("com.atlassian.cache.CacheManager").returning("getCache", replicatedCache.proxy());
        clusterLock = fake("com.atlassian.beehive.ClusterLock").returning("tryLock", true);
        clusterLockService = fake("com.atlassian.beehive.ClusterLockService")
                .returning("getLockForName", clusterLock.proxy());
        jiraClusterMessaging = fake("com.atlassian.jira.cluster.ClusterMessagingService");
        confluenceEventPublisher = fake("com.atlassian.event.api.EventPublisher");
        bitbucketTopic = fake("com.atlassian.bitbucket.topic.Topic").returning("subscribe", "subscription-1");
        bitbucketTopicService = fake("com.atlassian.bitbucket.topic.TopicService")
                .returning("getTopic", bitbucketTopic.proxy());
    }

    /** An active user alice with a display name and an e-mail address, by whichever names the type spells them. */
    private Fake user(String type) {
        return fake(type)
                .returning("getDisplayName", "Alice Anderson")
                .returning("getEmailAddress", "alice@example.com")
                .returning("isActive", true);
    }

    private Fake fake(String type) {
        return Fake.of(type.startsWith("java.") ? loadJdkClass(type) : felix.hostClass(type));
    }

    private static Class<?> loadJdkClass(String type) {
        try {
            return Class.forName(type);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes every service, as the product does before plugins start. */
    void register() {
        register(salUserManager, "com.atlassian.sal.api.user.UserManager");
        register(applicationProperties, "com.atlassian.sal.api.ApplicationProperties");
        register(webSudoManager, "com.atlassian.sal.api.websudo.WebSudoManager");
        register(authenticationController, "com.atlassian.sal.api.auth.AuthenticationController");
        registerAuthenticationListener();
        installSeraphConfiguration();
        register(jiraUserManager, "com.atlassian.jira.user.util.UserManager");
        register(jiraLoginManager, "com.atlassian.jira.security.login.LoginManager");
        register(userSearchService, "com.atlassian.jira.bc.user.search.UserSearchService");
        register(crowdService, "com.atlassian.crowd.embedded.api.CrowdService");
        register(userAccessor, "com.atlassian.confluence.user.UserAccessor");
        register(confluenceLoginManager, "com.atlassian.confluence.security.login.LoginManager");
        register(bitbucketUserService, "com.atlassian.bitbucket.user.UserService");
        register(i18nService, "com.atlassian.bitbucket.i18n.I18nService");
        register(bitbucketRememberMeService, "com.atlassian.bitbucket.auth.RememberMeService");
        // the cluster: Bamboo's Crowd ClusterMessageService is left out (UNCONFIRMED as a service: the fallback)
        register(cacheManager, "com.atlassian.cache.CacheManager");
        register(clusterLockService, "com.atlassian.beehive.ClusterLockService");
        register(jiraClusterMessaging, "com.atlassian.jira.cluster.ClusterMessagingService");
        register(confluenceEventPublisher, "com.atlassian.event.api.EventPublisher");
        register(bitbucketTopicService, "com.atlassian.bitbucket.topic.TopicService");
    }

    void registerAuthenticationListener() {
        authenticationListenerRegistration = register(authenticationListener, "com.atlassian.sal.api.auth.AuthenticationListener");
    }

    /** A product whose SAL has no listener: Lanyard falls back to Seraph's session keys. */
    void unregisterAuthenticationListener() {
        authenticationListenerRegistration.unregister();
    }

    /**
     * Seraph's configuration, as the product sets it at start: a static of the host's {@code SecurityConfigFactory}
     * (our declaration keeps what it is given), where Lanyard finds the remember-me service.
     */
    void installSeraphConfiguration() {
        setSecurityConfig(securityConfig.proxy());
    }

    /** A product without Seraph's configuration (or before it is read): logging out must still work. */
    void removeSeraphConfiguration() {
        setSecurityConfig(null);
    }

    private void setSecurityConfig(Object config) {
        Class<?> factory = felix.hostClass("com.atlassian.seraph.config.SecurityConfigFactory");
        try {
            factory.getMethod("setSecurityConfig", felix.hostClass("com.atlassian.seraph.config.SecurityConfig"))
                    .invoke(null, config);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private ServiceRegistration<?> register(Fake fake, String type) {
        BundleContext context = felix.hostContext();
        return context.registerService(type, fake.proxy(), null);
    }
}
