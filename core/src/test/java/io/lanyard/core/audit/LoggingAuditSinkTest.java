package io.lanyard.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.error.ErrorCode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoggingAuditSinkTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:15:30Z");

    @Test
    void formatNamesEveryFieldThatIsPresentInAFixedOrder() {
        AuditEvent event = AuditEvent.of(AuditEventType.LOGIN_FAILED, NOW)
                .user("alice").integration("GOxXFuPXJgiyAwuXugVG").code(ErrorCode.ID_TOKEN_EXPIRED)
                .correlationId("6WOUKZJJEE").sourceAddress("10.0.0.7").detail("step", "token").build();

        assertThat(LoggingAuditSink.format(event)).isEqualTo("LOGIN_FAILED user=alice integration=GOxXFuPXJgiyAwuXugVG"
                + " code=LNY-420 reference=6WOUKZJJEE source=10.0.0.7 step=token");
    }

    @Test
    void formatQuotesValuesWithSpacesQuotesOrEqualsAndEmptyValues() {
        AuditEvent event = AuditEvent.of(AuditEventType.CONFIGURATION_CHANGED, NOW).actor("admin")
                .detail("DISPLAY_NAME", "Corporate \"Keycloak\"").detail("CLIENT_SECRET", AuditEvent.CHANGED)
                .detail("SCOPES", "a=b").detail("LOGO_URL", null).build();

        assertThat(LoggingAuditSink.format(event)).isEqualTo("CONFIGURATION_CHANGED actor=admin"
                + " DISPLAY_NAME=\"Corporate \\\"Keycloak\\\"\" CLIENT_SECRET=changed SCOPES=\"a=b\" LOGO_URL=\"\"");
    }

    @Test
    void noValueCanStartANewLogLine() {
        AuditEvent event = AuditEvent.of(AuditEventType.LOGIN_FAILED, NOW)
                .user("mallory\nLOGIN_SUCCEEDED user=admin").detail("x\r", "a\u0085b\u2028c\u2029d\u0000").build();

        String line = LoggingAuditSink.format(event);

        assertThat(line).doesNotContain("\n", "\r", "\u0085", "\u2028", "\u2029", "\u0000");
        assertThat(line).isEqualTo("LOGIN_FAILED user=\"mallory\uFFFDLOGIN_SUCCEEDED user=admin\""
                + " x\uFFFD=a\uFFFDb\uFFFDc\uFFFDd\uFFFD");
    }

    @Test
    void eventsAreImmutableAndTypeAndTimeAreRequired() {
        AuditEvent event = AuditEvent.of(AuditEventType.LOGOUT, NOW).detail("kind", "back-channel").build();

        assertThatThrownBy(() -> event.details().put("kind", "other")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(event.actor()).isEmpty();
        assertThatThrownBy(() -> AuditEvent.of(null, NOW)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AuditEvent.of(AuditEventType.LOGOUT, null)).isInstanceOf(NullPointerException.class);
    }

    /** Issue 19: a flood of identical failures is one line and a count per minute, not one line per request. */
    @Test
    void identicalFailuresAreSummarisedButSuccessesAreEachLogged() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(LoggingAuditSink.LOGGER);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            io.lanyard.core.testing.MutableClock clock = new io.lanyard.core.testing.MutableClock(NOW);
            LoggingAuditSink sink = new LoggingAuditSink(clock);
            for (int i = 0; i < 500; i++) {
                sink.record(AuditEvent.of(AuditEventType.LOGIN_FAILED, NOW).user("u" + i).integration("kc")
                        .code(ErrorCode.DISCOVERY_UNREACHABLE).correlationId("R" + i).build());
                sink.record(AuditEvent.of(AuditEventType.LOGIN_SUCCEEDED, NOW).user("ok" + i).build());
            }
            clock.advance(java.time.Duration.ofMinutes(1));
            sink.record(AuditEvent.of(AuditEventType.LOGIN_SUCCEEDED, NOW).user("last").build());

            List<String> failed = lines.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .filter(line -> line.contains("LOGIN_FAILED")).toList();
            assertThat(failed).hasSize(2);
            assertThat(failed.get(1)).contains("repeated=499");
            assertThat(lines.list).filteredOn(e -> e.getFormattedMessage().startsWith("LOGIN_SUCCEEDED")).hasSize(501);
        } finally {
            logger.detachAppender(lines);
        }
    }
}
