package io.lanyard.core.config.change;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.xml.IntegrationFields;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a stored change did, one {@link AuditEventType#CONFIGURATION_CHANGED} event per integration added, removed or
 * changed: its kind, {@code change} (added, removed, changed), and each field that differs by its file name with
 * {@code <FIELD>.from} and {@code <FIELD>.to}; a secret field only as {@code <FIELD>} = {@value AuditEvent#CHANGED}.
 */
final class ConfigurationAudit {

    static final String FROM = ".from";
    static final String TO = ".to";

    private final AuditSink audit;
    private final Clock clock;

    ConfigurationAudit(AuditSink audit, Clock clock) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void record(Optional<String> actor, LanyardConfiguration before, LanyardConfiguration after) {
        for (IntegrationKind<?> kind : IntegrationKind.ALL) {
            recordKind(actor, kind, before, after);
        }
    }

    private <C extends Integration> void recordKind(Optional<String> actor, IntegrationKind<C> kind,
            LanyardConfiguration before, LanyardConfiguration after) {
        Set<String> ids = new LinkedHashSet<>();
        before.all(kind).forEach(integration -> ids.add(integration.id()));
        after.all(kind).forEach(integration -> ids.add(integration.id()));
        for (String id : ids) {
            Optional<C> old = before.find(kind, id);
            Optional<C> now = after.find(kind, id);
            if (old.equals(now)) {
                continue;
            }
            AuditEvent.Builder event = AuditEvent.of(AuditEventType.CONFIGURATION_CHANGED, clock.instant())
                    .actor(actor.orElse(null)).integration(id).detail("kind", kind.label())
                    .detail("change", old.isEmpty() ? "added" : now.isEmpty() ? "removed" : "changed");
            if (fieldChanges(event, old.map(IntegrationFields::of).orElse(Map.of()),
                    now.map(IntegrationFields::of).orElse(Map.of())) || now.isEmpty()) {
                audit.record(event.build());
            }
        }
    }

    /** @return whether any field differs */
    private static boolean fieldChanges(AuditEvent.Builder event, Map<String, String> old, Map<String, String> now) {
        Set<String> fields = new LinkedHashSet<>(old.keySet());
        fields.addAll(now.keySet());
        boolean any = false;
        for (String field : fields) {
            String from = old.getOrDefault(field, "");
            String to = now.getOrDefault(field, "");
            if (from.equals(to)) {
                continue;
            }
            any = true;
            if (IntegrationFields.isSecret(field)) {
                event.detail(field, AuditEvent.CHANGED);
            } else {
                event.detail(field + FROM, from).detail(field + TO, to);
            }
        }
        return any;
    }
}
