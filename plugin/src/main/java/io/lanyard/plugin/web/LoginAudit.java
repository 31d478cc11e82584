package io.lanyard.plugin.web;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.login.LoginSuccess;
import java.time.Clock;
import java.util.Objects;
import javax.servlet.http.HttpServletRequest;

/**
 * The audit events of the login edge: {@code LOGIN_SUCCEEDED} (user, provider, source address) and
 * {@code LOGIN_FAILED} (provider, error code, the reference the error page shows, source address). The source is the
 * address as the container reports it (its proxy settings, such as Tomcat's RemoteIpValve, applied).
 */
final class LoginAudit {

    private final AuditSink audit;
    private final Clock clock;

    LoginAudit(AuditSink audit, Clock clock) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void succeeded(HttpServletRequest request, LoginSuccess success) {
        audit.record(AuditEvent.of(success.reauthentication() ? AuditEventType.REAUTHENTICATED
                : AuditEventType.LOGIN_SUCCEEDED, clock.instant()).actor(success.user().username())
                .user(success.user().username()).integration(success.identityProviderId())
                .sourceAddress(request.getRemoteAddr()).detail("subject", success.subject()).build());
    }

    /** @param identityProviderId as the request named it: recorded only when well-formed */
    void failed(HttpServletRequest request, LanyardException failure, String identityProviderId,
            String correlationId) {
        String provider = ErrorPage.loggableId(identityProviderId);
        audit.record(AuditEvent.of(AuditEventType.LOGIN_FAILED, clock.instant())
                .user(failure.attemptedUser().orElse(null)).integration("-".equals(provider) ? null : provider).code(failure.errorCode())
                .correlationId(correlationId).sourceAddress(request.getRemoteAddr()).build());
    }
}
