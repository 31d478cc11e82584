package io.lanyard.sandbox.host;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

/**
 * What Jira's and Confluence's bundled "bot killer" ({@code com.atlassian.labs.botkiller.BotKillerFilter},
 * atlassian-bot-killer 1.7.2.1, read in docs/host-evidence.md 1.4) does to sessions, so that the sandbox loses them
 * the way those products do: after the request has run, a session without the killer's attribute whose timeout is above
 * 600 s gets 60 s (600 s when someone is logged in), and the original timeout is kept under the attribute; a later
 * request that comes in time restores it. A browser whose first request created a session and that then spends over
 * a minute at its identity provider comes back to a session that is gone.
 *
 * <p>The sandbox runs it when it pretends to be Jira or Confluence; tests shorten the cut to see the session really
 * expire without waiting a minute.
 */
public final class BotKillerStandIn implements Filter {

    /** The products' own names: the session attribute holding the original timeout, and the once-per-request marker. */
    static final String SESSION_ATTRIBUTE = "com.atlassian.labs.botkiller.BotKiller";
    static final String REQUEST_MARKER = "com.atlassian.labs.botkiller.BotKillerFilter";
    static final int LONG_SESSION_SECONDS = 600;

    private final SandboxSessionLogin sessionLogin;
    private final int anonymousSeconds;
    private final int loggedInSeconds;

    /** As the products do it: 60 s for an anonymous new session, 600 s for a logged-in one. */
    public BotKillerStandIn(SandboxSessionLogin sessionLogin) {
        this(sessionLogin, Duration.ofSeconds(60));
    }

    /** @param anonymousCut the products' 60 s, shorter in tests */
    public BotKillerStandIn(SandboxSessionLogin sessionLogin, Duration anonymousCut) {
        this.sessionLogin = Objects.requireNonNull(sessionLogin, "sessionLogin");
        this.anonymousSeconds = Math.toIntExact(anonymousCut.toSeconds());
        this.loggedInSeconds = Math.max(anonymousSeconds, LONG_SESSION_SECONDS);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (request instanceof HttpServletRequest http && request.getAttribute(REQUEST_MARKER) == null) {
                request.setAttribute(REQUEST_MARKER, Boolean.TRUE);
                afterRequest(http);
            }
        }
    }

    private void afterRequest(HttpServletRequest request) {
        HttpSession session;
        try {
            session = request.getSession(false);
            if (session == null) {
                return;
            }
            Object original = session.getAttribute(SESSION_ATTRIBUTE);
            if (original instanceof Integer seconds) {
                if (session.getMaxInactiveInterval() != seconds) {
                    session.setMaxInactiveInterval(seconds); // a later request came in time: full length again
                }
            } else if (session.getMaxInactiveInterval() > LONG_SESSION_SECONDS) {
                session.setAttribute(SESSION_ATTRIBUTE, session.getMaxInactiveInterval());
                session.setMaxInactiveInterval(sessionLogin.isLoggedIn(request) ? loggedInSeconds : anonymousSeconds);
            }
        } catch (IllegalStateException invalidated) {
            // the request ended its session (a logout): nothing to cut
        }
    }
}
