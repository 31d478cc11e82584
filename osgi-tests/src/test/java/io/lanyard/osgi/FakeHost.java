package io.lanyard.osgi;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The services a product publishes to plugins, as recording fakes registered from the host bundle: SAL for all,
 * and what each product adapter references. One user, alice, exists in every product.
 */
final class FakeHost {

    static final String BASE_URL = "https://sso.example.com/app/";

    final Fake salUserManager;
    final Fake applicationProperties;
    final Fake webSudoManager;
    final Fake rememberMeService;
    private ServiceRegistration<?> rememberMeRegistration;

    final Fake jiraAlice;
    final Fake jiraUserManager;
    final Fake jiraAuthenticationContext;
    final Fake jiraLoginManager;
    final Fake userSearchService;

    final Fake crowdAlice;
    final Fake crowdService;
    final Fake confluenceAlice;
    final Fake userAccessor;
    final Fake confluenceLoginManager;

    final Fake bitbucketAlice;
    final Fake bitbucketUserService;
    final Fake i18nService;

    private final FelixHost felix;

    FakeHost(FelixHost felix, Path home) {
        this.felix = felix;
        salUserManager = fake("com.atlassian.sal.api.user.UserManager");
        applicationProperties = fake("com.atlassian.sal.api.ApplicationProperties")
                .returning("getBaseUrl", BASE_URL)
                .returning("getPlatformId", "felix")
                .returning("getVersion", "7")
                .returning("getLocalHomeDirectory", Optional.of(home))
                .returning("getSharedHomeDirectory", Optional.empty());
        webSudoManager = fake("com.atlassian.sal.api.websudo.WebSudoManager");
        rememberMeService = fake("com.atlassian.seraph.service.rememberme.RememberMeService");

        jiraAlice = user("com.atlassian.jira.user.ApplicationUser")
                .returning("getUsername", "alice");
        jiraUserManager = fake("com.atlassian.jira.user.util.UserManager")
                .answer("getUserByName", args -> "alice".equals(args[0]) ? jiraAlice.proxy() : null);
        jiraAuthenticationContext = fake("com.atlassian.jira.security.JiraAuthenticationContext");
        jiraLoginManager = fake("com.atlassian.jira.security.login.LoginManager");
        userSearchService = fake("com.atlassian.jira.bc.user.search.UserSearchService")
                .answer("findUsersByEmail", args -> "alice@example.com".equals(args[0]) ? List.of(jiraAlice.proxy()) : List.of());

        crowdAlice = user("com.atlassian.crowd.embedded.api.User").returning("getName", "alice");
        crowdService = fake("com.atlassian.crowd.embedded.api.CrowdService")
                .answer("getUser", args -> "alice".equals(args[0]) ? crowdAlice.proxy() : null);
        confluenceAlice = fake("com.atlassian.confluence.user.ConfluenceUser")
                .returning("getName", "alice")
                .returning("getFullName", "Alice Anderson")
                .returning("getEmail", "alice@example.com");
        userAccessor = fake("com.atlassian.confluence.user.UserAccessor")
                .answer("getUserByName", args -> "alice".equals(args[0]) ? confluenceAlice.proxy() : null);
        confluenceLoginManager = fake("com.atlassian.confluence.security.login.LoginManager");

        bitbucketAlice = user("com.atlassian.bitbucket.user.ApplicationUser").returning("getName", "alice");
        bitbucketUserService = fake("com.atlassian.bitbucket.user.UserService")
                .answer("getUserByName", args -> "alice".equals(args[0]) ? bitbucketAlice.proxy() : null);
        Class<?> keyedMessage = felix.hostClass("com.atlassian.bitbucket.i18n.KeyedMessage");
        i18nService = fake("com.atlassian.bitbucket.i18n.I18nService").answer("getKeyedText", args -> {
            try {
                return keyedMessage.getConstructor(String.class, String.class, String.class)
                        .newInstance(args[0], args[1], args[1]);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** An active user alice with a display name and an e-mail address, by whichever names the type spells them. */
    private Fake user(String type) {
        return fake(type)
                .returning("getDisplayName", "Alice Anderson")
                .returning("getEmailAddress", "alice@example.com")
                .returning("isActive", true);
    }

    private Fake fake(String type) {
        return Fake.of(felix.hostClass(type));
    }

    /** Publishes every service, as the product does before plugins start. */
    void register() {
        register(salUserManager, "com.atlassian.sal.api.user.UserManager");
        register(applicationProperties, "com.atlassian.sal.api.ApplicationProperties");
        register(webSudoManager, "com.atlassian.sal.api.websudo.WebSudoManager");
        registerRememberMeService();
        register(jiraUserManager, "com.atlassian.jira.user.util.UserManager");
        register(jiraAuthenticationContext, "com.atlassian.jira.security.JiraAuthenticationContext");
        register(jiraLoginManager, "com.atlassian.jira.security.login.LoginManager");
        register(userSearchService, "com.atlassian.jira.bc.user.search.UserSearchService");
        register(crowdService, "com.atlassian.crowd.embedded.api.CrowdService");
        register(userAccessor, "com.atlassian.confluence.user.UserAccessor");
        register(confluenceLoginManager, "com.atlassian.confluence.security.login.LoginManager");
        register(bitbucketUserService, "com.atlassian.bitbucket.user.UserService");
        register(i18nService, "com.atlassian.bitbucket.i18n.I18nService");
    }

    void registerRememberMeService() {
        rememberMeRegistration = register(rememberMeService, "com.atlassian.seraph.service.rememberme.RememberMeService");
    }

    void unregisterRememberMeService() {
        rememberMeRegistration.unregister();
    }

    private ServiceRegistration<?> register(Fake fake, String type) {
        BundleContext context = felix.hostContext();
        return context.registerService(type, fake.proxy(), null);
    }
}
