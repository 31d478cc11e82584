package io.lanyard.sandbox.idp;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops the built-in provider's server warning "MockWebServer[…] connection from /127.0.0.1 didn't make a request".
 * Browsers open spare connections ahead of need (Chromium's preconnect) and close them unused after a sign-in;
 * that is no trouble, but reads like one. Every other line of that server, its real failures included, stays.
 */
public final class UnusedConnectionLogFilter extends Filter<ILoggingEvent> {

    static final String SERVER_LOGGER = "mockwebserver3.MockWebServer";
    private static final String UNUSED_CONNECTION = " didn't make a request";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return SERVER_LOGGER.equals(event.getLoggerName()) && event.getFormattedMessage() != null
                && event.getFormattedMessage().endsWith(UNUSED_CONNECTION) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
