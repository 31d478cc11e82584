package io.lanyard.plugin.web;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.SignInPolicy;
import io.lanyard.core.config.change.SettingsService;
import io.lanyard.core.host.BaseUrl;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.login.PendingLoginSeal;
import io.lanyard.plugin.session.AdminAccess;
import io.lanyard.plugin.session.SessionLogin;
import io.lanyard.plugin.session.WebSudoSessions;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Assembles Lanyard's servlet edge from the host's ports and the core's {@link LoginService}, so that the sandbox
 * and every product plugin wire the same filter and servlets the same way. Register:
 * <ul>
 *   <li>{@link #loginFilter()} on all paths, before the host's own login handling (REQUEST and FORWARD);</li>
 *   <li>{@link #loginServlet()} at {@link #LOGIN_SERVLET_MAPPINGS};</li>
 *   <li>{@link #callbackServlet()} at {@link #CALLBACK_SERVLET_MAPPING};</li>
 *   <li>{@link #loggedOutServlet()} at {@link #LOGGED_OUT_SERVLET_MAPPING}.</li>
 * </ul>
 */
public final class LanyardWeb {

    /** The chooser and the direct links {@code …/login/<id>}. */
    public static final String[] LOGIN_SERVLET_MAPPINGS = {LanyardPaths.LOGIN, LanyardPaths.LOGIN + "/*"};
    /** Where a logout ends: {@link #loggedOutServlet()}. */
    public static final String LOGGED_OUT_SERVLET_MAPPING = LanyardPaths.LOGGED_OUT;
    public static final String CALLBACK_SERVLET_MAPPING = LanyardPaths.CALLBACK_PREFIX + "*";

    private final LoginFilter loginFilter;
    private final LoginServlet loginServlet;
    private final CallbackServlet callbackServlet;
    private final ConfigurationHolder configuration;
    private final SettingsService settings;
    private final ChooserPage chooserPage;
    private final LoggedOutServlet loggedOutServlet;

    private final ErrorPage errorPage;
    private final BaseUrl baseUrl;

    private LanyardWeb(LoginFilter loginFilter, LoginServlet loginServlet, CallbackServlet callbackServlet,
            ErrorPage errorPage, BaseUrl baseUrl, ConfigurationHolder configuration, SettingsService settings,
            ChooserPage chooserPage, SignInTemplates templates) {
        this.errorPage = errorPage;
        this.baseUrl = baseUrl;
        this.loginFilter = loginFilter;
        this.loginServlet = loginServlet;
        this.callbackServlet = callbackServlet;
        this.configuration = configuration;
        this.settings = settings;
        this.chooserPage = chooserPage;
        this.loggedOutServlet = new LoggedOutServlet(templates, chooserPage.loginPage());
    }

    /**
     * With the defaults of {@code settings.xml} (for hosts and tests without Lanyard's settings).
     *
     * @see #create(LoginService, ConfigurationHolder, SessionLogin, LoginPage, BaseUrl, PendingLoginSeal,
     *      SettingsService, Clock)
     */
    public static LanyardWeb create(LoginService loginService, ConfigurationHolder configuration,
            SessionLogin sessionLogin, LoginPage loginPage, BaseUrl baseUrl, PendingLoginSeal seal) {
        return create(loginService, configuration, sessionLogin, loginPage, baseUrl, seal,
                new SettingsService(Optional.empty()), Clock.systemUTC());
    }

    /**
     * @param baseUrl  the host's base URL: where logins start, and the path and security of their cookies
     * @param seal     seals the pending logins the browsers keep; its key must be the same on every node
     * @param settings Lanyard's settings ({@code settings.xml}): the login page's mode, remembered choices, the loop
     *                 breaker, the default provider of e-mail routing
     */
    public static LanyardWeb create(LoginService loginService, ConfigurationHolder configuration,
            SessionLogin sessionLogin, LoginPage loginPage, BaseUrl baseUrl, PendingLoginSeal seal,
            SettingsService settings, Clock clock) {
        return create(loginService, configuration, sessionLogin, loginPage, baseUrl, seal, settings, clock,
                SignInTemplates.unnamed(LanyardText.english()), AuditSink.none());
    }

    /**
     * @param templates the pages people see (the chooser, failures, logged out): the product's name, and the
     *                  administrator's own templates when there are any
     * @param audit     where every login's success or failure goes ({@code LOGIN_SUCCEEDED}, {@code LOGIN_FAILED})
     */
    public static LanyardWeb create(LoginService loginService, ConfigurationHolder configuration,
            SessionLogin sessionLogin, LoginPage loginPage, BaseUrl baseUrl, PendingLoginSeal seal,
            SettingsService settings, Clock clock, SignInTemplates templates, AuditSink audit) {
        Objects.requireNonNull(loginService, "loginService");
        LoginAudit loginAudit = new LoginAudit(audit, clock);
        PendingLoginCookies pendingLogins = new PendingLoginCookies(seal, baseUrl);
        SignInCookies signInCookies = new SignInCookies(baseUrl, clock);
        LanyardText text = LanyardText.english();
        ErrorPage errorPage = new ErrorPage(loginPage, text, new ErrorPageRenderer(templates));
        LoginFilter filter = new LoginFilter(loginPage, configuration, sessionLogin, loginService, pendingLogins,
                new BaseUrlRedirect(baseUrl), errorPage, settings, signInCookies, loginAudit);
        ChooserPage chooser = new ChooserPage(text, loginPage, templates);
        return new LanyardWeb(filter, new LoginServlet(configuration, filter, chooser, settings, signInCookies, text),
                new CallbackServlet(loginService, pendingLogins, sessionLogin, errorPage, filter, loginAudit), errorPage,
                baseUrl, configuration, settings, chooser, templates);
    }

    /**
     * What the product's own login form shows beside its fields when {@code settings.xml} puts single sign-on
     * alongside it ({@code ALONGSIDE_FORM}): a "Sign in with …" link per provider; empty in the other mode or without
     * an enabled provider. The products render it through a web panel of the login page, the sandbox in its form.
     *
     * @param requestedReturn the page the person wanted (untrusted; validated when the login starts)
     */
    public String loginFormButtons(String contextPath, String requestedReturn) {
        if (settings.current().signIn().loginPage() != SignInPolicy.LoginPageMode.ALONGSIDE_FORM) {
            return "";
        }
        return chooserPage.formButtons(contextPath, configuration.current().enabledIdentityProviders(),
                requestedReturn);
    }

    public LoginFilter loginFilter() {
        return loginFilter;
    }

    public LoginServlet loginServlet() {
        return loginServlet;
    }

    public LoggedOutServlet loggedOutServlet() {
        return loggedOutServlet;
    }

    public CallbackServlet callbackServlet() {
        return callbackServlet;
    }

    /**
     * Administrator re-authentication (WebSudo) through the provider, at {@link ReauthenticateServlet#PATH}.
     *
     * @param accounts who is signed in
     * @param webSudo  the product's WebSudo session
     */
    public ReauthenticateServlet reauthenticateServlet(AdminAccess accounts, WebSudoSessions webSudo, Clock clock) {
        return new ReauthenticateServlet(loginFilter, accounts, webSudo, settings, errorPage, clock);
    }

    /** For the logout edge ({@link LanyardLogoutWeb}) and emergency access, which show failures the same way. */
    public ErrorPage errorPage() {
        return errorPage;
    }

    BaseUrl baseUrl() {
        return baseUrl;
    }
}
