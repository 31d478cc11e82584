package com.atlassian.confluence.event.events.security;

/**
 * Declaration only, the host provides the real class (Confluence 8.7.2; UNCONFIRMED on 9 and 10).
 *
 * <p>In Confluence this extends {@code SecurityEvent} → {@code ConfluenceEvent} → {@code com.atlassian.event.Event}
 * → Spring's {@code ApplicationEvent}. The chain is left out on purpose: Lanyard only constructs the event and hands
 * it to {@code EventPublisher.publish(Object)}, which links on the constructor alone, and this module has no Spring.
 * Prefer the SAL login path, whose Confluence listener publishes this event itself (docs/host-evidence.md, topic 1).
 * The body keeps its values for fake hosts in tests.
 */
public class LoginEvent {

    private final Object source;
    private final String username;
    private final String sessionId;
    private final String remoteHost;
    private final String remoteIp;
    private final LoginDetails loginDetails;

    public LoginEvent(Object src, String username, String sessionId, String remoteHost, String remoteIp,
            LoginDetails loginDetails) {
        this.source = src;
        this.username = username;
        this.sessionId = sessionId;
        this.remoteHost = remoteHost;
        this.remoteIp = remoteIp;
        this.loginDetails = loginDetails;
    }

    public Object getSource() {
        return source;
    }

    public String getUsername() {
        return username;
    }

    public String getSessionId() {
        return sessionId;
    }

    public String getRemoteHost() {
        return remoteHost;
    }

    public String getRemoteIP() {
        return remoteIp;
    }

    public LoginDetails getLoginDetails() {
        return loginDetails;
    }
}
