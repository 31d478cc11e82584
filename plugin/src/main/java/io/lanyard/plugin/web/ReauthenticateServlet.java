package io.lanyard.plugin.web;

import com.atlassian.annotations.security.UnrestrictedAccess;
import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.change.SettingsService;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.login.LoginOptions;
import io.lanyard.core.session.LanyardSession;
import io.lanyard.plugin.session.AdminAccess;
import io.lanyard.plugin.session.WebSudoSessions;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * Administrator re-authentication (WebSudo) through the identity provider, at {@link #PATH}:
 * <ol>
 *   <li>{@code GET …/reauthenticate?destination=<path>} (where the product's password prompt is sent,
 *       {@link WebSudoPromptFilter}): the person signed in through a provider signs in there again
 *       ({@code prompt=login}, {@code max_age=0}); the core requires a fresh {@code auth_time} and the same account
 *       (LNY-808);</li>
 *   <li>the callback marks the session re-authenticated ({@link #REAUTHENTICATED_AT}) and comes back to
 *       {@code …/reauthenticate/done}, which starts the product's WebSudo session ({@link WebSudoSessions}) and goes
 *       on to the destination. Without a fresh mark (a forged or late visit) nothing starts.</li>
 * </ol>
 * A person signed in with a password, or a product that cannot start WebSudo, gets LNY-809 and the product's prompt.
 */
@UnrestrictedAccess
public final class ReauthenticateServlet extends HttpServlet {

    public static final String PATH = LanyardPaths.PREFIX + "/reauthenticate";
    /** The session attribute the callback sets when the provider confirmed the person again: an {@link Instant}. */
    public static final String REAUTHENTICATED_AT = "io.lanyard.reauthenticated-at";
    static final String DESTINATION_PARAMETER = "destination";
    /** How long after the provider's answer the WebSudo session may still be started. */
    static final Duration MARK_LIFETIME = Duration.ofMinutes(2);
    private static final long serialVersionUID = 1L;

    private final transient LoginFilter logins;
    private final transient AdminAccess accounts;
    private final transient WebSudoSessions webSudo;
    private final transient SettingsService settings;
    private final transient ErrorPage errorPage;
    private final transient Clock clock;

    ReauthenticateServlet(LoginFilter logins, AdminAccess accounts, WebSudoSessions webSudo, SettingsService settings,
            ErrorPage errorPage, Clock clock) {
        this.logins = Objects.requireNonNull(logins, "logins");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.webSudo = Objects.requireNonNull(webSudo, "webSudo");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.errorPage = Objects.requireNonNull(errorPage, "errorPage");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String destination = onSite(request.getParameter(DESTINATION_PARAMETER));
        try {
            if ("done".equals(RequestPaths.segmentAfter(request, PATH + "/"))) {
                finish(request, response, destination);
            } else {
                begin(request, response, destination);
            }
        } catch (LanyardException failure) {
            errorPage.show(request, response, failure, null);
        }
    }

    private void begin(HttpServletRequest request, HttpServletResponse response, String destination)
            throws IOException {
        String username = accounts.currentUsername(request).orElseThrow(() -> new LanyardException(
                ErrorCode.REAUTHENTICATION_UNAVAILABLE, "nobody is signed in to re-authenticate"));
        if (!settings.refreshed().signIn().reauthenticateAtProvider()) {
            throw new LanyardException(ErrorCode.REAUTHENTICATION_UNAVAILABLE,
                    "settings.xml REAUTHENTICATE_AT_PROVIDER is false");
        }
        String provider = signedInThrough(request).orElseThrow(() -> new LanyardException(
                ErrorCode.REAUTHENTICATION_UNAVAILABLE, username + " signed in with a password, not through a provider"));
        String done = UrlParameters.withParameter(PATH + "/done", DESTINATION_PARAMETER, destination);
        logins.start(request, response, provider, done, LoginOptions.reauthentication(username));
    }

    private void finish(HttpServletRequest request, HttpServletResponse response, String destination)
            throws IOException {
        HttpSession session = request.getSession(false);
        Object mark = session == null ? null : session.getAttribute(REAUTHENTICATED_AT);
        if (session != null) {
            session.removeAttribute(REAUTHENTICATED_AT);
        }
        if (!(mark instanceof Instant at) || at.isBefore(clock.instant().minus(MARK_LIFETIME))) {
            throw new LanyardException(ErrorCode.REAUTHENTICATION_UNAVAILABLE,
                    "no fresh re-authentication at the provider in this session");
        }
        webSudo.start(request, response);
        response.sendRedirect(request.getContextPath() + destination);
    }

    private static Optional<String> signedInThrough(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object lanyard = session == null ? null : session.getAttribute(LanyardSession.ATTRIBUTE);
        return lanyard instanceof LanyardSession signedIn ? Optional.of(signedIn.identityProviderId())
                : Optional.empty();
    }

    /** A path on this site, or the site's root: never another site ({@code //host}, {@code https:…}). */
    static String onSite(String destination) {
        if (destination == null || !destination.startsWith("/") || destination.startsWith("//")
                || destination.startsWith("/\\") || destination.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return destination;
    }
}
