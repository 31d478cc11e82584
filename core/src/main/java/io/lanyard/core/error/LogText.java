package io.lanyard.core.error;

import java.util.regex.Pattern;

/**
 * Text that came from outside (a request, a provider's answer, a file) made safe for one line of the host's log: a
 * value with a line break in it could forge the next log line, and a log viewer treats more than CR and LF as one.
 */
public final class LogText {

    /**
     * Unicode control characters (C0, DEL and C1, NEL U+0085 among them) and the line and paragraph separators
     * (U+2028, U+2029). {@code \p{Cntrl}} alone is ASCII only.
     */
    public static final Pattern LINE_BREAKING = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]");
    private static final Pattern RUNS = Pattern.compile(LINE_BREAKING.pattern() + "+");
    private static final int MAX_QUOTED = 100;

    private LogText() {
    }

    /** {@code text} with every run of such characters replaced by one space; empty for null. */
    public static String oneLine(String text) {
        return text == null ? "" : RUNS.matcher(text).replaceAll(" ");
    }

    /** An untrusted value for a log message: quoted, on one line, at most a hundred characters. */
    public static String quoted(String untrusted) {
        if (untrusted == null) {
            return "(none)";
        }
        String line = oneLine(untrusted);
        return "\"" + (line.length() > MAX_QUOTED ? line.substring(0, MAX_QUOTED) + "…" : line) + "\"";
    }
}
