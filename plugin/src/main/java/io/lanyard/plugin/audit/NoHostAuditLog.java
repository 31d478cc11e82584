package io.lanyard.plugin.audit;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product's audit log where the product has none (Bamboo: atlassian-audit is not there, docs/host-evidence.md,
 * 6): says so once at start; Lanyard's event store and the log line keep every event.
 */
public final class NoHostAuditLog implements AuditSink {

    private static final Logger LOG = LoggerFactory.getLogger(NoHostAuditLog.class);

    public NoHostAuditLog() {
        LOG.info("{}: this product has no audit log Lanyard can write to; its events go to Lanyard's own event store "
                + "(admin page Events) and the log", ErrorCode.HOST_AUDIT_UNAVAILABLE.code());
    }

    @Override
    public void record(AuditEvent event) {
        // nowhere in the product to write it
    }
}
