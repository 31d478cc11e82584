package io.lanyard.core.audit;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LogFlood;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each audit event as one line to the logger {@value #LOGGER} at INFO, as {@code key=value} pairs, so a log
 * search or a log shipper finds every event whatever else records it. Values are quoted when they contain spaces, and
 * control and line-separator characters are replaced so that no value can forge a second line.
 */
public final class LoggingAuditSink implements AuditSink {

    public static final String LOGGER = "io.lanyard.audit";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    /** Repeated failures of one kind: one line each minute and a count, not one line per request (issue 19). */
    private final LogFlood flood;

    public LoggingAuditSink() {
        this(Clock.systemUTC());
    }

    LoggingAuditSink(Clock clock) {
        this.flood = new LogFlood(clock, Duration.ofMinutes(1), (kind, times, window) -> LOG.info(
                "{} repeated={} in {} s after the line above; summarised, not one line each", kind, times,
                window.toSeconds()));
    }

    @Override
    public void record(AuditEvent event) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        if (!isFailure(event.type())) {
            flood.summariseEnded();
            LOG.info(format(event));
        } else if (flood.admit(floodKind(event))) {
            LOG.info(format(event));
        }
    }

    private static boolean isFailure(AuditEventType type) {
        return type == AuditEventType.LOGIN_FAILED || type == AuditEventType.MACHINE_TOKEN_REFUSED;
    }

    /** Identical failures: same type, code and integration (the user and the reference differ per request). */
    private static String floodKind(AuditEvent event) {
        return event.type() + " code=" + event.code().map(ErrorCode::code).orElse("-") + " integration="
                + clean(event.integrationId().orElse("-"));
    }

    /** The line written for an event (without the logger's prefix). */
    static String format(AuditEvent event) {
        StringBuilder line = new StringBuilder(event.type().name());
        event.actor().ifPresent(value -> append(line, "actor", value));
        event.user().ifPresent(value -> append(line, "user", value));
        event.integrationId().ifPresent(value -> append(line, "integration", value));
        event.code().ifPresent(value -> append(line, "code", value.code()));
        event.correlationId().ifPresent(value -> append(line, "reference", value));
        event.sourceAddress().ifPresent(value -> append(line, "source", value));
        for (Map.Entry<String, String> detail : event.details().entrySet()) {
            append(line, detail.getKey(), detail.getValue());
        }
        return line.toString();
    }

    private static void append(StringBuilder line, String key, String value) {
        line.append(' ').append(clean(key)).append('=');
        String cleaned = clean(value);
        boolean quote = cleaned.isEmpty() || cleaned.indexOf(' ') >= 0 || cleaned.indexOf('"') >= 0
                || cleaned.indexOf('=') >= 0;
        if (quote) {
            line.append('"').append(cleaned.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else {
            line.append(cleaned);
        }
    }

    /** Control characters, U+0085 and the Unicode line and paragraph separators become U+FFFD. */
    static String clean(String value) {
        StringBuilder cleaned = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean unsafe = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (unsafe && cleaned == null) {
                cleaned = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (cleaned != null) {
                cleaned.append(unsafe ? '\uFFFD' : c);
            }
        }
        return cleaned == null ? value : cleaned.toString();
    }
}
