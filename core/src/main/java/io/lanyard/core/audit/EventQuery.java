package io.lanyard.core.audit;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which events an administrator wants to see: every filter optional, all of them must match.
 *
 * @param user        the account (or, when no account is named, the actor), compared ignoring case
 * @param integration the identity provider (or other integration) id, exact
 * @param code        the error code, e.g. {@code LNY-420}
 * @param type        the event's type
 * @param from        at or after
 * @param until       before
 * @param limit       at most this many, the newest first
 */
public record EventQuery(Optional<String> user, Optional<String> integration, Optional<String> code,
        Optional<AuditEventType> type, Optional<Instant> from, Optional<Instant> until, int limit) {

    /** The most one page or export shows. */
    public static final int MAX_LIMIT = 5000;
    public static final int DEFAULT_LIMIT = 200;

    public EventQuery {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }

    /** Every event, the newest {@value #DEFAULT_LIMIT}. */
    public static EventQuery all() {
        return new EventQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
    }

    public EventQuery withUser(String value) {
        return new EventQuery(Optional.of(value), integration, code, type, from, until, limit);
    }

    public EventQuery withIntegration(String value) {
        return new EventQuery(user, Optional.of(value), code, type, from, until, limit);
    }

    public EventQuery withCode(String value) {
        return new EventQuery(user, integration, Optional.of(value), type, from, until, limit);
    }

    public EventQuery withType(AuditEventType value) {
        return new EventQuery(user, integration, code, Optional.of(value), from, until, limit);
    }

    public EventQuery between(Optional<Instant> start, Optional<Instant> end) {
        return new EventQuery(user, integration, code, type, start, end, limit);
    }

    public EventQuery withLimit(int value) {
        return new EventQuery(user, integration, code, type, from, until, value);
    }

    public boolean matches(AuditEvent event) {
        return user.map(wanted -> sameName(event.user().or(event::actor), wanted)).orElse(true)
                && integration.map(wanted -> event.integrationId().filter(wanted::equals).isPresent()).orElse(true)
                && code.map(wanted -> event.code().filter(c -> c.code().equalsIgnoreCase(wanted.strip())).isPresent())
                        .orElse(true)
                && type.map(wanted -> event.type() == wanted).orElse(true)
                && from.map(start -> !event.time().isBefore(start)).orElse(true)
                && until.map(end -> event.time().isBefore(end)).orElse(true);
    }

    private static boolean sameName(Optional<String> name, String wanted) {
        return name.map(n -> n.toLowerCase(Locale.ROOT).equals(wanted.strip().toLowerCase(Locale.ROOT))).orElse(false);
    }
}
