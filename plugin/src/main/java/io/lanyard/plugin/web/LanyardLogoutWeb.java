package io.lanyard.plugin.web;

import io.lanyard.core.LanyardPaths;
import io.lanyard.core.login.LogoutService;
import io.lanyard.core.session.SessionRevocations;
import io.lanyard.plugin.session.RememberMe;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Assembles the logout side of Lanyard's servlet edge next to {@link LanyardWeb}, the same way in the sandbox and every
 * product plugin. Register:
 * <ul>
 *   <li>{@link #sessionRevocationFilter()} on all paths, after the host has read its session and before
 *       {@link LanyardWeb#loginFilter()} (REQUEST);</li>
 *   <li>{@link #logoutFilter()} on the host's logout URL;</li>
 *   <li>{@link #backChannelLogoutServlet()} at {@link #BACK_CHANNEL_SERVLET_MAPPING},
 *       {@link #frontChannelLogoutServlet()} at {@link #FRONT_CHANNEL_SERVLET_MAPPING},
 *       {@link #postLogoutServlet()} at {@link #POST_LOGOUT_SERVLET_MAPPING}.</li>
 * </ul>
 */
public final class LanyardLogoutWeb {

    public static final String BACK_CHANNEL_SERVLET_MAPPING = LanyardPaths.BACK_CHANNEL_LOGOUT_PREFIX + "*";
    public static final String FRONT_CHANNEL_SERVLET_MAPPING = LanyardPaths.FRONT_CHANNEL_LOGOUT_PREFIX + "*";
    public static final String POST_LOGOUT_SERVLET_MAPPING = LanyardPaths.POST_LOGOUT;

    private final SessionRevocationFilter sessionRevocationFilter;
    private final LogoutFilter logoutFilter;
    private final BackChannelLogoutServlet backChannelLogoutServlet;
    private final FrontChannelLogoutServlet frontChannelLogoutServlet;
    private final PostLogoutServlet postLogoutServlet;

    private LanyardLogoutWeb(LanyardWeb web, LogoutService logouts, SessionRevocations revocations,
            RememberMe rememberMe, Clock clock) {
        LogoutStateCookie stateCookie = new LogoutStateCookie(web.baseUrl());
        this.sessionRevocationFilter = new SessionRevocationFilter(revocations, rememberMe, web.loginFilter(), clock);
        this.logoutFilter = new LogoutFilter(rememberMe, Optional.of(logouts), stateCookie);
        this.backChannelLogoutServlet = new BackChannelLogoutServlet(logouts);
        this.frontChannelLogoutServlet = new FrontChannelLogoutServlet(logouts);
        this.postLogoutServlet = new PostLogoutServlet(logouts, stateCookie, web.errorPage());
    }

    /**
     * @param revocations this node's view of the sessions logouts at the providers ended, on any node
     * @param rememberMe  the host's remember-me cookie, removed on every kind of logout
     */
    public static LanyardLogoutWeb create(LanyardWeb web, LogoutService logouts, SessionRevocations revocations,
            RememberMe rememberMe, Clock clock) {
        Objects.requireNonNull(web, "web");
        return new LanyardLogoutWeb(web, Objects.requireNonNull(logouts, "logouts"),
                Objects.requireNonNull(revocations, "revocations"), Objects.requireNonNull(rememberMe, "rememberMe"),
                Objects.requireNonNull(clock, "clock"));
    }

    public SessionRevocationFilter sessionRevocationFilter() {
        return sessionRevocationFilter;
    }

    public LogoutFilter logoutFilter() {
        return logoutFilter;
    }

    public BackChannelLogoutServlet backChannelLogoutServlet() {
        return backChannelLogoutServlet;
    }

    public FrontChannelLogoutServlet frontChannelLogoutServlet() {
        return frontChannelLogoutServlet;
    }

    public PostLogoutServlet postLogoutServlet() {
        return postLogoutServlet;
    }
}
