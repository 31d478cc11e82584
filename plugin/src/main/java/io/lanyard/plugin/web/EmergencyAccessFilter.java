package io.lanyard.plugin.web;

import com.atlassian.annotations.security.UnrestrictedAccess;
import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.config.LanyardSettings;
import io.lanyard.core.config.change.SettingsService;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.LoginPage;
import io.lanyard.core.signin.EmergencyAccessPolicy;
import io.lanyard.plugin.session.AdminAccess;
import java.io.IOException;
import java.time.Clock;
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
import javax.servlet.http.HttpSession;

/**
 * Emergency access: while single sign-on is enforced ({@code settings.xml}), a password login on the product's own
 * form is an emergency login. The form stays reachable ({@code ?lanyard_native=1}); this filter lets the product check
 * the password as it always does, then asks {@link EmergencyAccessPolicy} whether the account that just logged in may
 * stay: a member of the emergency groups (system administrators by default), or anyone while an administrator's time
 * box or the emergency file opens it. Anyone else is logged out again (the session is invalidated before the
 * product's redirect leaves) and sees a page with {@code LNY-801} ({@code LNY-802} when password logins are off).
 * Every emergency login, let in or refused, is audited.
 *
 * <p>Everything but a POST to the login page passes after a few comparisons, without allocating: REST calls with
 * Basic auth or tokens, git over HTTPS, the mobile apps and gadgets never post to the login form.
 */
@UnrestrictedAccess
public final class EmergencyAccessFilter implements Filter {

    private final String[] formPaths;
    private final SettingsService settings;
    private final EmergencyAccessPolicy policy;
    private final AdminAccess accounts;
    private final AuditSink audit;
    private final Clock clock;
    private final ErrorPage errorPage;

    EmergencyAccessFilter(LoginPage loginPage, SettingsService settings, EmergencyAccessPolicy policy,
            AdminAccess accounts, AuditSink audit, Clock clock, ErrorPage errorPage) {
        this(loginPage.paths(), settings, policy, accounts, audit, clock, errorPage);
    }

    /** @param formPaths where password logins post ({@link PasswordForms}), each relative to the context path */
    EmergencyAccessFilter(List<String> formPaths, SettingsService settings, EmergencyAccessPolicy policy,
            AdminAccess accounts, AuditSink audit, Clock clock, ErrorPage errorPage) {
        this.formPaths = formPaths.toArray(new String[0]);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.errorPage = Objects.requireNonNull(errorPage, "errorPage");
    }

    /**
     * @param accounts who is logged in after the form (the products: SAL's {@code UserManager.getRemoteUser})
     */
    public static EmergencyAccessFilter create(LoginPage loginPage, SettingsService settings,
            EmergencyAccessPolicy policy, AdminAccess accounts, AuditSink audit, Clock clock) {
        LanyardText text = LanyardText.english();
        return create(loginPage, settings, policy, accounts, audit, clock,
                new ErrorPage(loginPage, text, new ErrorPageRenderer(text)));
    }

    /** @param errorPage the refusal's page, e.g. {@link LanyardWeb#errorPage()}: the same look as every failure */
    public static EmergencyAccessFilter create(LoginPage loginPage, SettingsService settings,
            EmergencyAccessPolicy policy, AdminAccess accounts, AuditSink audit, Clock clock, ErrorPage errorPage) {
        return new EmergencyAccessFilter(loginPage, settings, policy, accounts, audit, clock, errorPage);
    }

    /**
     * In a product: the form addresses of {@link PasswordForms}.
     *
     * @param formPaths where the product's password logins post
     */
    public static EmergencyAccessFilter create(List<String> formPaths, SettingsService settings,
            EmergencyAccessPolicy policy, AdminAccess accounts, AuditSink audit, Clock clock, ErrorPage errorPage) {
        return new EmergencyAccessFilter(formPaths, settings, policy, accounts, audit, clock, errorPage);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest) || !isFormPost((HttpServletRequest) request)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest httpRequest = (HttpServletRequest) request;
        LanyardSettings current = settings.refreshed();
        if (!current.signIn().ssoEnforced() || accounts.currentUsername(httpRequest).isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        EmergencyAccessPolicy.Decision decision = policy.decide(current);
        DeferredRedirectResponse held = new DeferredRedirectResponse((HttpServletResponse) response);
        chain.doFilter(request, held);
        Optional<String> username = accounts.currentUsername(httpRequest);
        if (username.isEmpty()) {
            held.release(); // a wrong password: the product's answer as it is
            return;
        }
        Optional<String> admitted = policy.admits(decision, current, username.get());
        if (admitted.isPresent()) {
            audit.record(event(httpRequest, username.get()).detail("admitted", admitted.get()).build());
            held.release();
            return;
        }
        logOut(httpRequest);
        ErrorCode code = decision.mode() == EmergencyAccessPolicy.Mode.OFF ? ErrorCode.PASSWORD_LOGIN_OFF
                : ErrorCode.EMERGENCY_LOGIN_REFUSED;
        audit.record(event(httpRequest, username.get()).code(code).detail("admitted", "no").build());
        errorPage.show(httpRequest, (HttpServletResponse) response, new LanyardException(code, username.get()
                + " logged in with a password while single sign-on is enforced, and is not allowed emergency access; "
                + "logged out again"), null);
    }

    private AuditEvent.Builder event(HttpServletRequest request, String username) {
        return AuditEvent.of(AuditEventType.EMERGENCY_LOGIN, clock.instant()).actor(username).user(username)
                .sourceAddress(request.getRemoteAddr());
    }

    /** The product keeps its login in the session (Seraph's attributes, the sandbox's): ending it ends the login. */
    private static void logOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // nothing left to end
            }
        }
    }

    private boolean isFormPost(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return false;
        }
        for (String path : formPaths) {
            if (RequestPaths.isPath(request, path)) {
                return true;
            }
        }
        return false;
    }
}
