package io.lanyard.core.audit;

/**
 * Port: where audit events go. Implementations: {@link LoggingAuditSink} (always), the product's own audit log where
 * it has one, Lanyard's event store in the shared home.
 *
 * <p>Called on login and request threads: an implementation must return quickly and must never throw (an audit
 * trail that cannot be written is logged as such, it never breaks a login).
 */
@FunctionalInterface
public interface AuditSink {

    void record(AuditEvent event);

    /** A sink that drops every event (for code paths and tests that audit nothing). */
    static AuditSink none() {
        return event -> { };
    }
}
