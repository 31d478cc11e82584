package io.lanyard.plugin.web;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.login.LoginSuccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.servlet.http.HttpServletRequest;

/**
 * The audit events of the login edge: {@code LOGIN_SUCCEEDED} (user, provider, source address) and
 * {@code LOGIN_FAILED} (provider, error code, the reference the error page shows, source address). The source is the
 * address as the container reports it (its proxy settings, such as Tomcat's RemoteIpValve, applied).
 */
final class LoginAudit {

    /** At most one {@code PROVIDER_UNREACHABLE} event per provider and node this often, however many people fail. */
    static final Duration OUTAGE_EVERY = Duration.ofMinutes(5);

    private final AuditSink audit;
    private final Clock clock;
    /** Per provider: when its last outage event was recorded, and the failures since. */
    private final Map<String, Outage> outages = new ConcurrentHashMap<>();

    private record Outage(Instant reported, int failuresSince) {
    }

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
        if (failure.errorCode().kind() == ErrorCode.Kind.PROVIDER_UNAVAILABLE && !"-".equals(provider)) {
            outage(provider, failure.errorCode());
        }
    }

    /** The outage page was shown: one event per provider every {@link #OUTAGE_EVERY}, counting the ones between. */
    private void outage(String provider, ErrorCode code) {
        Instant now = clock.instant();
        Outage[] ended = new Outage[1];
        Outage current = outages.compute(provider, (id, before) -> {
            if (before == null || !now.isBefore(before.reported().plus(OUTAGE_EVERY))) {
                ended[0] = before;
                return new Outage(now, 0);
            }
            return new Outage(before.reported(), before.failuresSince() + 1);
        });
        if (current.reported().equals(now) && current.failuresSince() == 0) {
            audit.record(AuditEvent.of(AuditEventType.PROVIDER_UNREACHABLE, now).integration(provider).code(code)
                    .detail("failedSincePreviousEvent", ended[0] == null ? 0 : ended[0].failuresSince()).build());
        }
    }
}
