package io.lanyard.core.audit;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Several sinks as one: each event goes to each, and one that throws neither stops the others nor the caller. */
public final class AuditSinks implements AuditSink {

    private static final Logger LOG = LoggerFactory.getLogger(AuditSinks.class);

    private final List<AuditSink> sinks;

    private AuditSinks(List<AuditSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    public static AuditSink all(AuditSink... sinks) {
        return new AuditSinks(List.of(sinks));
    }

    @Override
    public void record(AuditEvent event) {
        for (AuditSink sink : sinks) {
            try {
                sink.record(event);
            } catch (RuntimeException e) {
                // the port says never throw; a sink that does must not cost the others their event, nor the login
                LOG.warn("An audit sink ({}) failed on a {} event: {}", sink.getClass().getSimpleName(), event.type(),
                        e.toString());
            }
        }
    }
}
