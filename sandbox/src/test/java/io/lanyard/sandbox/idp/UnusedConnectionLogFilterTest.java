package io.lanyard.sandbox.idp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class UnusedConnectionLogFilterTest {

    private final UnusedConnectionLogFilter filter = new UnusedConnectionLogFilter();

    private static LoggingEvent event(String logger, String message) {
        return new LoggingEvent(Logger.class.getName(), (Logger) LoggerFactory.getLogger(logger), Level.WARN, message,
                null, null);
    }

    @Test
    void dropsOnlyTheServersUnusedConnectionWarning() {
        assertThat(filter.decide(event(UnusedConnectionLogFilter.SERVER_LOGGER,
                "MockWebServer[41235] connection from /127.0.0.1 didn't make a request"))).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(event(UnusedConnectionLogFilter.SERVER_LOGGER, "MockWebServer[41235] failed unexpectedly")))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(event("io.lanyard.sandbox.Sandbox", "connection from x didn't make a request")))
                .isEqualTo(FilterReply.NEUTRAL);
    }
}
