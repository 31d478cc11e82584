package io.lanyard.plugin.cluster;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A revocation as the cluster carries it: in the replicated cache as {@code "<revokedAt ms> <keepUntil ms>"}, and in
 * a message as {@code "<sender> r <key> <revokedAt ms> <keepUntil ms>"}; a configuration change is
 * {@code "<sender> c"}. Plain text, so that every product's messaging (strings of at most 200 characters) carries it.
 */
record Revocation(Instant revokedAt, Instant keepUntil) {

    static final String CONFIGURATION = "c";
    private static final Pattern VALUE = Pattern.compile("(\\d{1,15}) (\\d{1,15})");
    private static final Pattern MESSAGE =
            Pattern.compile("([0-9a-f]{1,32}) (?:c|r ([A-Za-z0-9_-]{1,100}) (\\d{1,15}) (\\d{1,15}))");

    /** A parsed message: a configuration change when {@code revocation} is null. */
    record Message(String sender, String key, Revocation revocation) {
    }

    static String value(Instant revokedAt, Instant keepUntil) {
        return revokedAt.toEpochMilli() + " " + keepUntil.toEpochMilli();
    }

    static String message(String sender, String key, Instant revokedAt, Instant keepUntil) {
        return sender + " r " + key + " " + value(revokedAt, keepUntil);
    }

    static Optional<Revocation> parseValue(String value) {
        Matcher m = value == null ? null : VALUE.matcher(value);
        return m != null && m.matches() ? Optional.of(of(m.group(1), m.group(2))) : Optional.empty();
    }

    static Optional<Message> parseMessage(String message) {
        Matcher m = message == null ? null : MESSAGE.matcher(message);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(2) == null ? new Message(m.group(1), null, null)
                : new Message(m.group(1), m.group(2), of(m.group(3), m.group(4))));
    }

    private static Revocation of(String revokedAt, String keepUntil) {
        return new Revocation(Instant.ofEpochMilli(Long.parseLong(revokedAt)),
                Instant.ofEpochMilli(Long.parseLong(keepUntil)));
    }
}
