package io.lanyard.core.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of the JVM (Logback's root logger) while open: the formatted message, the raw
 * arguments and any stack trace, so that a test can assert what reached the log, and what did not.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    public List<ILoggingEvent> events() {
        synchronized (appender.list) {
            return List.copyOf(appender.list);
        }
    }

    /** Each event as one text: level, formatted message, arguments, and the stack trace if there is one. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : events()) {
            StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getFormattedMessage());
            if (event.getArgumentArray() != null) {
                line.append(" ").append(Arrays.deepToString(event.getArgumentArray()));
            }
            if (event.getThrowableProxy() != null) {
                line.append(" ").append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The formatted messages of events from this logger (a class name), in order. */
    public List<String> messagesOf(Class<?> loggerClass) {
        return events().stream().filter(e -> e.getLoggerName().equals(loggerClass.getName()))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
