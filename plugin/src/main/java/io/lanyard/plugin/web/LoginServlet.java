package io.lanyard.plugin.web;

import com.atlassian.annotations.security.UnrestrictedAccess;
import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.SignInPolicy;
import io.lanyard.core.config.change.SettingsService;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.login.LoginOptions;
import io.lanyard.core.signin.HomeRealmDiscovery;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Lanyard's own login entry at {@code LanyardPaths.LOGIN}:
 * <ul>
 *   <li>{@code …/lanyard/login/<id>} (a direct link for an intranet) or {@code ?idp=<id>} (the chooser's buttons)
 *       starts the login at that provider; with {@code remember=1} the browser remembers the choice;</li>
 *   <li>{@code ?email=<address>} picks the provider by the address's domain and passes the address on as
 *       {@code login_hint} (and {@code domain_hint} to Entra ID); an address that leads nowhere shows the chooser
 *       again with the reason;</li>
 *   <li>otherwise it shows the chooser of enabled providers.</li>
 * </ul>
 * {@code return} (or the products' {@code os_destination}) carries the page the person wanted, validated when the
 * login starts.
 */
@UnrestrictedAccess
public final class LoginServlet extends HttpServlet {

    static final String IDP_PARAMETER = "idp";
    static final String RETURN_PARAMETER = "return";
    static final String PRODUCT_RETURN_PARAMETER = "os_destination";
    static final String EMAIL_PARAMETER = "email";
    static final String REMEMBER_PARAMETER = "remember";
    private static final long serialVersionUID = 1L;

    private final transient ConfigurationHolder configuration;
    private final transient LoginFilter loginFilter;
    private final transient ChooserPage chooserPage;
    private final transient SettingsService settings;
    private final transient SignInCookies signInCookies;
    private final transient LanyardText text;

    /** @param loginFilter where a login starts, from the host's login page and from here alike */
    LoginServlet(ConfigurationHolder configuration, LoginFilter loginFilter, ChooserPage chooserPage,
            SettingsService settings, SignInCookies signInCookies, LanyardText text) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.loginFilter = Objects.requireNonNull(loginFilter, "loginFilter");
        this.chooserPage = Objects.requireNonNull(chooserPage, "chooserPage");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.signInCookies = Objects.requireNonNull(signInCookies, "signInCookies");
        this.text = Objects.requireNonNull(text, "text");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String requestedReturn = requestedReturn(request);
        String identityProviderId = identityProviderId(request);
        SignInPolicy policy = settings.refreshed().signIn();
        if (identityProviderId != null && !identityProviderId.isEmpty()
                && request.getParameter(DryRunPage.TEST_PARAMETER) != null) {
            loginFilter.startDryRun(request, response, identityProviderId,
                    request.getParameter(DryRunPage.TEST_PARAMETER));
            return;
        }
        if (identityProviderId != null && !identityProviderId.isEmpty()) {
            if ("1".equals(request.getParameter(REMEMBER_PARAMETER)) && !policy.rememberChoice().isZero()) {
                signInCookies.remember(response, identityProviderId, policy.rememberChoice());
            }
            loginFilter.start(request, response, identityProviderId, requestedReturn, LoginOptions.none());
            return;
        }
        List<IdentityProviderConfig> enabled = configuration.refreshed().enabledIdentityProviders();
        String email = request.getParameter(EMAIL_PARAMETER);
        Optional<String> problem = Optional.empty();
        int status = HttpServletResponse.SC_OK;
        if (email != null) {
            try {
                HomeRealmDiscovery.Route route = HomeRealmDiscovery.route(email, enabled, policy.defaultProvider());
                loginFilter.start(request, response, route.provider().id(), requestedReturn,
                        LoginOptions.hinted(route.loginHint(), route.domainHint()));
                return;
            } catch (LoginFailedException refused) {
                problem = Optional.of(text.title(refused.errorCode()));
                status = refused.errorCode().httpStatus();
            }
        }
        String html = chooserPage.render(request.getContextPath(), new ChooserPage.View(enabled, requestedReturn,
                !policy.rememberChoice().isZero(), problem.isPresent() ? email : "", problem));
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(html);
    }

    /** {@code …/login/<id>} (read from the URI, as the callback reads its id), or {@code ?idp=<id>}. */
    private static String identityProviderId(HttpServletRequest request) {
        String segment = RequestPaths.segmentAfter(request, LanyardPaths.LOGIN + "/");
        return segment != null && !segment.isEmpty() ? segment : request.getParameter(IDP_PARAMETER);
    }

    private static String requestedReturn(HttpServletRequest request) {
        String value = request.getParameter(RETURN_PARAMETER);
        return value != null ? value : request.getParameter(PRODUCT_RETURN_PARAMETER);
    }
}
