package io.lanyard.plugin.audit;

import com.atlassian.audit.api.AuditService;
import com.atlassian.audit.entity.AuditAttribute;
import com.atlassian.audit.entity.AuditResource;
import com.atlassian.audit.entity.ChangedValue;
import com.atlassian.audit.entity.CoverageArea;
import com.atlassian.audit.entity.CoverageLevel;
import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.error.ErrorCode;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product's own audit log (atlassian-audit's {@link AuditService}: Jira 8.8+, Confluence 7.5+, Bitbucket 7.0+;
 * docs/host-evidence.md, 6), as Atlassian's own SSO writes to it: an event from i18n keys (category
 * {@value #CATEGORY}, action {@code lanyard.audit.action.<type>}), the user and the integration as affected objects,
 * field changes as changed values, the rest (code, reference, source, details) as extra attributes. Who and from
 * where the product fills in itself from the request.
 *
 * <p>The service is optional (an OSGi reference that may be absent, whose proxy then throws): a failure is logged
 * once ({@link ErrorCode#HOST_AUDIT_UNAVAILABLE}) until a write succeeds again, and never thrown. Lanyard's own event
 * store has every event either way.
 */
public final class HostAuditLog implements AuditSink {

    static final String CATEGORY = "lanyard.audit.category";
    static final String ACTION_PREFIX = "lanyard.audit.action.";
    private static final String FROM = ".from";
    private static final String TO = ".to";
    private static final Logger LOG = LoggerFactory.getLogger(HostAuditLog.class);

    private final AuditService auditService;
    private volatile boolean failing;

    public HostAuditLog(AuditService auditService) {
        this.auditService = Objects.requireNonNull(auditService, "auditService");
    }

    @Override
    public void record(AuditEvent event) {
        try {
            auditService.audit(toHost(event));
            if (failing) {
                failing = false;
                LOG.info("{}: the product's audit log takes Lanyard's events again", ErrorCode.HOST_AUDIT_UNAVAILABLE);
            }
        } catch (RuntimeException | LinkageError e) {
            if (!failing) {
                failing = true;
                LOG.warn("{}: the product's audit log is not available ({}); Lanyard's events still go to its own "
                        + "event store and the log", ErrorCode.HOST_AUDIT_UNAVAILABLE, e.toString());
            }
        }
    }

    static com.atlassian.audit.entity.AuditEvent toHost(AuditEvent event) {
        com.atlassian.audit.entity.AuditEvent.Builder host = com.atlassian.audit.entity.AuditEvent.fromI18nKeys(
                CATEGORY, ACTION_PREFIX + event.type().name().toLowerCase(Locale.ROOT), level(event.type()),
                area(event.type()));
        event.user().ifPresent(user -> host.affectedObject(AuditResource.builder(user, "USER").build()));
        event.integrationId().ifPresent(id -> host.affectedObject(AuditResource.builder(id, "LANYARD_INTEGRATION")
                .id(id).build()));
        event.actor().ifPresent(actor -> host.extraAttribute(new AuditAttribute("actor", actor)));
        event.code().ifPresent(code -> host.extraAttribute(new AuditAttribute("code", code.code())));
        event.correlationId().ifPresent(reference -> host.extraAttribute(new AuditAttribute("reference", reference)));
        event.sourceAddress().ifPresent(source -> host.extraAttribute(new AuditAttribute("source", source)));
        Map<String, String> details = event.details();
        for (Map.Entry<String, String> detail : details.entrySet()) {
            String key = detail.getKey();
            if (key.endsWith(FROM)) {
                String field = key.substring(0, key.length() - FROM.length());
                host.changedValue(new ChangedValue(field, detail.getValue(), details.getOrDefault(field + TO, "")));
            } else if (key.endsWith(TO) && details.containsKey(key.substring(0, key.length() - TO.length()) + FROM)) {
                continue; // written with its .from
            } else if (key.endsWith(TO)) {
                host.changedValue(new ChangedValue(key.substring(0, key.length() - TO.length()), "", detail.getValue()));
            } else if (AuditEvent.CHANGED.equals(detail.getValue()) && key.contains("SECRET")) {
                host.changedValue(new ChangedValue(key, "", AuditEvent.CHANGED));
            } else {
                host.extraAttribute(new AuditAttribute(key, detail.getValue()));
            }
        }
        return host.build();
    }

    /** BASE is recorded on every license; ADVANCED (Data Center) for the everyday events. */
    static CoverageLevel level(AuditEventType type) {
        return switch (type) {
            case LOGIN_SUCCEEDED, LOGOUT, ACCOUNT_UPDATED, GROUP_MEMBERSHIP_CHANGED, MACHINE_TOKEN_GRANTED,
                    REAUTHENTICATED -> CoverageLevel.ADVANCED;
            default -> CoverageLevel.BASE;
        };
    }

    static CoverageArea area(AuditEventType type) {
        return switch (type) {
            case CONFIGURATION_CHANGED, SETTINGS_CHANGED -> CoverageArea.GLOBAL_CONFIG_AND_ADMINISTRATION;
            case ACCOUNT_CREATED, ACCOUNT_UPDATED, GROUP_MEMBERSHIP_CHANGED, DIRECTORY_SYNC_RUN ->
                    CoverageArea.USER_MANAGEMENT;
            default -> CoverageArea.SECURITY;
        };
    }
}
