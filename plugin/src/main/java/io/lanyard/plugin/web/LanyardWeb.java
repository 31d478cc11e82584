package io.lanyard.plugin.web;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.host.BaseUrl;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.login.PendingLoginSeal;
import io.lanyard.plugin.session.SessionLogin;
import java.util.Objects;

/**
 * Assembles Lanyard's servlet edge from the host's ports and the core's {@link LoginService}, so that the sandbox
 * and every product plugin wire the same filter and servlets the same way. Register:
 * <ul>
 *   <li>{@link #loginFilter()} on all paths, before the host's own login handling (REQUEST and FORWARD);</li>
 *   <li>{@link #loginServlet()} at {@link #LOGIN_SERVLET_MAPPING};</li>
 *   <li>{@link #callbackServlet()} at {@link #CALLBACK_SERVLET_MAPPING}.</li>
 * </ul>
 */
public final class LanyardWeb {

    public static final String LOGIN_SERVLET_MAPPING = LanyardPaths.LOGIN;
    public static final String CALLBACK_SERVLET_MAPPING = LanyardPaths.CALLBACK_PREFIX + "*";

    private final LoginFilter loginFilter;
    private final LoginServlet loginServlet;
    private final CallbackServlet callbackServlet;

    private final ErrorPage errorPage;
    private final BaseUrl baseUrl;

    private LanyardWeb(LoginFilter loginFilter, LoginServlet loginServlet, CallbackServlet callbackServlet,
            ErrorPage errorPage, BaseUrl baseUrl) {
        this.errorPage = errorPage;
        this.baseUrl = baseUrl;
        this.loginFilter = loginFilter;
        this.loginServlet = loginServlet;
        this.callbackServlet = callbackServlet;
    }

    /**
     * @param baseUrl the host's base URL: where logins start, and the path and security of their cookies
     * @param seal    seals the pending logins the browsers keep; its key must be the same on every node
     */
    public static LanyardWeb create(LoginService loginService, ConfigurationHolder configuration,
            SessionLogin sessionLogin, LoginPage loginPage, BaseUrl baseUrl, PendingLoginSeal seal) {
        Objects.requireNonNull(loginService, "loginService");
        PendingLoginCookies pendingLogins = new PendingLoginCookies(seal, baseUrl);
        LanyardText text = LanyardText.english();
        ErrorPage errorPage = new ErrorPage(loginPage, text, new ErrorPageRenderer(text));
        LoginFilter filter = new LoginFilter(loginPage, configuration, sessionLogin, loginService, pendingLogins,
                new BaseUrlRedirect(baseUrl), errorPage);
        return new LanyardWeb(filter, new LoginServlet(configuration, filter, new ChooserPage(text, loginPage)),
                new CallbackServlet(loginService, pendingLogins, sessionLogin, errorPage, filter), errorPage, baseUrl);
    }

    public LoginFilter loginFilter() {
        return loginFilter;
    }

    public LoginServlet loginServlet() {
        return loginServlet;
    }

    public CallbackServlet callbackServlet() {
        return callbackServlet;
    }

    /** For the logout edge ({@link LanyardLogoutWeb}), which shows its failures the same way. */
    ErrorPage errorPage() {
        return errorPage;
    }

    BaseUrl baseUrl() {
        return baseUrl;
    }
}
