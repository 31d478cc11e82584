package io.lanyard.plugin.web;

import com.atlassian.annotations.security.UnrestrictedAccess;
import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.SignInPolicy;
import io.lanyard.core.config.change.SettingsService;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.login.LoginOptions;
import io.lanyard.core.login.LoginRedirect;
import io.lanyard.core.login.LoginService;
import io.lanyard.core.signin.LoginLoop;
import io.lanyard.plugin.session.SessionLogin;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Replaces the host's login page with a login at the identity provider.
 *
 * <p>The host runs this filter on every request, so everything that is not a GET or HEAD of the login page passes
 * after a few string comparisons, without allocating and without touching the session. The login page is recognised
 * by the path the container resolved ({@link RequestPaths#isPath}), however the URI spells it. The login page itself passes
 * when the browser asks for the native login ({@value ErrorPage#NATIVE_LOGIN_PARAMETER}{@code =1}, the way in
 * while the provider is down), is already logged in, or no provider is enabled, and when {@code settings.xml} puts
 * single sign-on beside the product's form ({@code ALONGSIDE_FORM}). With one enabled provider, or the one this
 * browser remembered from the chooser, the login starts there ({@link #start}, which the chooser uses too); with
 * several the browser goes to our chooser. Each start counts towards the loop breaker: a browser that starts more
 * logins in the window than a person does gets a page ({@code LNY-800}) instead of another round.
 *
 * <p>Holds no state of a request: one instance serves all threads.
 */
@UnrestrictedAccess
public final class LoginFilter implements Filter {

    private final String[] loginPaths;
    private final String returnParameter;
    private final ConfigurationHolder configuration;
    private final SessionLogin sessionLogin;
    private final LoginService loginService;
    private final PendingLoginCookies pendingLogins;
    private final BaseUrlRedirect baseUrlRedirect;
    private final ErrorPage errorPage;
    private final SettingsService settings;
    private final SignInCookies signInCookies;
    private final LoginAudit audit;

    LoginFilter(LoginPage loginPage, ConfigurationHolder configuration, SessionLogin sessionLogin,
            LoginService loginService, PendingLoginCookies pendingLogins, BaseUrlRedirect baseUrlRedirect,
            ErrorPage errorPage, SettingsService settings, SignInCookies signInCookies, LoginAudit audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.loginPaths = loginPage.paths().toArray(new String[0]);
        this.returnParameter = loginPage.returnParameter();
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.sessionLogin = Objects.requireNonNull(sessionLogin, "sessionLogin");
        this.loginService = Objects.requireNonNull(loginService, "loginService");
        this.pendingLogins = Objects.requireNonNull(pendingLogins, "pendingLogins");
        this.baseUrlRedirect = Objects.requireNonNull(baseUrlRedirect, "baseUrlRedirect");
        this.errorPage = Objects.requireNonNull(errorPage, "errorPage");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.signInCookies = Objects.requireNonNull(signInCookies, "signInCookies");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest) || !isLoginPageView((HttpServletRequest) request)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest httpRequest = (HttpServletRequest) request;
        if (isNativeLogin(httpRequest) || sessionLogin.isLoggedIn(httpRequest)) {
            chain.doFilter(request, response);
            return;
        }
        // A login may start: first pick up what another node stored since (a look at the files' metadata).
        List<IdentityProviderConfig> enabled = configuration.refreshed().enabledIdentityProviders();
        if (enabled.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (settings.refreshed().signIn().loginPage() == SignInPolicy.LoginPageMode.ALONGSIDE_FORM) {
            chain.doFilter(request, response); // the product's form, with a "Sign in with …" button per provider
            return;
        }
        HttpServletResponse httpResponse = (HttpServletResponse) response;
        String requestedReturn = httpRequest.getParameter(returnParameter);
        Optional<String> remembered = enabled.size() == 1 ? Optional.of(enabled.get(0).id())
                : signInCookies.rememberedProvider(httpRequest)
                        .filter(id -> enabled.stream().anyMatch(provider -> provider.id().equals(id)));
        if (remembered.isPresent()) {
            start(httpRequest, httpResponse, remembered.get(), requestedReturn, LoginOptions.none());
        } else {
            httpResponse.setHeader("Cache-Control", "no-store");
            httpResponse.sendRedirect(UrlParameters.withParameter(
                    httpRequest.getContextPath() + LanyardPaths.LOGIN, LoginServlet.RETURN_PARAMETER, requestedReturn));
        }
    }

    /**
     * Starts a login at one provider: asks the core for the redirect, keeps the pending login in the browser (sealed
     * in a cookie), sends the browser on. A browser on another address than the base URL's is first sent to the same
     * page there, where its cookie will be when it comes back.
     *
     * @param requestedReturn where the user wanted to go, untrusted: the core validates it against the base URL
     */
    void start(HttpServletRequest request, HttpServletResponse response, String identityProviderId,
            String requestedReturn, LoginOptions options) throws IOException {
        start(request, response, identityProviderId, requestedReturn, false, options);
    }

    /** A "Test sign-in" with the ticket the admin page gave: the provider's normal request, a report at the end. */
    void startDryRun(HttpServletRequest request, HttpServletResponse response, String identityProviderId,
            String ticket) throws IOException {
        LoginRedirect redirect;
        try {
            redirect = loginService.startDryRun(identityProviderId, ticket);
        } catch (LanyardException failure) {
            errorPage.show(request, response, failure, identityProviderId);
            return;
        }
        pendingLogins.save(response, redirect.pendingLogin());
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(redirect.authorizationUri().toASCIIString());
    }

    /** A normal login, e.g. after a silent one came back needing the person. */
    void start(HttpServletRequest request, HttpServletResponse response, String identityProviderId,
            String requestedReturn) throws IOException {
        start(request, response, identityProviderId, requestedReturn, false, LoginOptions.none());
    }

    /** @param silent with {@code prompt=none}: the renewal of a session at the end of its lifetime */
    void start(HttpServletRequest request, HttpServletResponse response, String identityProviderId,
            String requestedReturn, boolean silent) throws IOException {
        start(request, response, identityProviderId, requestedReturn, silent, LoginOptions.none());
    }

    private void start(HttpServletRequest request, HttpServletResponse response, String identityProviderId,
            String requestedReturn, boolean silent, LoginOptions options) throws IOException {
        if (baseUrlRedirect.sendToBaseUrlIfElsewhere(request, response)) {
            return;
        }
        SignInPolicy policy = settings.current().signIn();
        LoginLoop loop = signInCookies.loop(request, policy.loopWindow());
        if (loop.isLoop(policy.loopMaxLogins())) {
            errorPage.show(request, response, new LanyardException(ErrorCode.LOGIN_LOOP_DETECTED, "this browser "
                    + "started " + loop.count() + " logins since " + loop.since() + "; not sending it round again"
                    + loop.lastCode().map(last -> "; its last failure was " + last).orElse("")),
                    identityProviderId, loop.lastCode());
            return;
        }
        LoginRedirect redirect;
        try {
            redirect = silent ? loginService.startLogin(identityProviderId, requestedReturn, true)
                    : loginService.startLogin(identityProviderId, requestedReturn, options);
        } catch (LanyardException failure) {
            signInCookies.noteFailure(response, loop, failure.errorCode().code(), policy.loopWindow());
            audit.failed(request, failure, identityProviderId,
                    errorPage.show(request, response, failure, identityProviderId));
            return;
        }
        pendingLogins.save(response, redirect.pendingLogin());
        signInCookies.countLoop(response, loop.started(), policy.loopWindow());
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(redirect.authorizationUri().toASCIIString());
    }

    /**
     * A login that came back failing ({@code code}): kept with this browser's loop count, so that the loop breaker's
     * page can say what kept failing. Nothing when no login is counted (the cookie would only say so much more).
     */
    void noteFailure(HttpServletRequest request, HttpServletResponse response, String code) {
        SignInPolicy policy = settings.current().signIn();
        signInCookies.noteFailure(response, signInCookies.loop(request, policy.loopWindow()), code,
                policy.loopWindow());
    }

    private boolean isLoginPageView(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        for (String path : loginPaths) {
            if (RequestPaths.isPath(request, path)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNativeLogin(HttpServletRequest request) {
        return "1".equals(request.getParameter(ErrorPage.NATIVE_LOGIN_PARAMETER));
    }
}
