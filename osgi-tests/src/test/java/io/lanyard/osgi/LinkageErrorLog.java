package io.lanyard.osgi;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Every log line of the bundles (their SLF4J is the host's, so the test's logback) that names an error of linking to
 * the host: a call whose declared shape differs from the host's. Lanyard turns such an error into one warning and
 * goes on, which is right on a product and wrong in a test: the proof must fail on it, not pass with a warning (as it
 * once did when {@code LoginManager.onLoginAttempt} was declared with the wrong return type).
 */
final class LinkageErrorLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private static final Pattern LINKAGE_ERROR = Pattern.compile(
            "NoSuchMethodError|NoSuchFieldError|NoClassDefFoundError|AbstractMethodError|IncompatibleClassChangeError"
                    + "|IllegalAccessError|ClassCastException|LinkageError");

    private final List<String> lines = new CopyOnWriteArrayList<>();

    /** Listens to every logger from now on, until closed. */
    static LinkageErrorLog listen() {
        LinkageErrorLog log = new LinkageErrorLog();
        log.setName("linkage-errors");
        log.setContext(root().getLoggerContext());
        log.start();
        root().addAppender(log);
        return log;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getLoggerName()).append(": ").append(event.getFormattedMessage());
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            line.append(" / ").append(cause.getClassName()).append(": ").append(cause.getMessage());
        }
        if (LINKAGE_ERROR.matcher(line).find()) {
            lines.add(line.toString());
        }
    }

    /** The lines seen so far, and forgets them. */
    List<String> takeLines() {
        List<String> seen = List.copyOf(lines);
        lines.clear();
        return seen;
    }

    @Override
    public void close() {
        root().detachAppender(this);
        stop();
    }
}
