package io.lanyard.core.signin;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.change.SettingsService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An administrator opens the product's password form to everyone for some minutes (a provider outage), or closes it
 * again: {@code OPEN_TO_EVERYONE_UNTIL} of {@code settings.xml}, stored for every node, each change audited. The
 * admin page and the JSON API both come here.
 */
public final class EmergencyTimeBox {

    private final SettingsService settings;
    private final AuditSink audit;
    private final Clock clock;

    public EmergencyTimeBox(SettingsService settings, AuditSink audit, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @return until when the form is open
     * @throws ConfigurationException {@code CONFIG_INVALID} (field {@code minutes}) outside 1 to
     *         {@value EmergencyAccessFile#MAX_MINUTES}; nothing changed
     */
    public Instant open(String who, Integer minutes) {
        if (minutes == null || minutes < 1 || minutes > EmergencyAccessFile.MAX_MINUTES) {
            throw new ConfigurationException("the time box is invalid", List.of(new FieldError("minutes",
                    "must be a whole number from 1 to " + EmergencyAccessFile.MAX_MINUTES)));
        }
        Instant until = clock.instant().plus(Duration.ofMinutes(minutes));
        settings.change(current -> current.toBuilder().openToEveryoneUntil(until).build());
        audit.record(AuditEvent.of(AuditEventType.EMERGENCY_ACCESS_CHANGED, clock.instant()).actor(who)
                .detail("openToEveryoneUntil", until).build());
        return until;
    }

    public void close(String who) {
        settings.change(current -> current.toBuilder().openToEveryoneUntil(null).build());
        audit.record(AuditEvent.of(AuditEventType.EMERGENCY_ACCESS_CHANGED, clock.instant()).actor(who)
                .detail("openToEveryoneUntil", "closed").build());
    }
}
