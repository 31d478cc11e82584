/**
 * The audit trail: {@link io.lanyard.core.audit.AuditEvent} (what happened, to whom, by whom), the
 * {@link io.lanyard.core.audit.AuditSink} port every feature reports to, and the log line every event gets.
 */
package io.lanyard.core.audit;
