package io.lanyard.plugin.admin.events;

import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.audit.EventQuery;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Events page's filter as the request gives it (user, provider, code, type, from, until, limit), read into an
 * {@link EventQuery}. A time is an ISO-8601 instant ({@code 2026-12-06T10:15:00Z}) or a date (midnight UTC; "until" a
 * date means to the end of that day). Anything unreadable is {@link ErrorCode#EVENT_QUERY_INVALID}, never ignored.
 */
final class EventFilter {

    static final String[] PARAMETERS = {"user", "provider", "code", "type", "from", "until", "limit"};

    private EventFilter() {
    }

    /** The parameters given, blank ones left out, for the form and the export links. */
    static Map<String, String> given(Function<String, String> parameters) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : PARAMETERS) {
            String value = parameters.apply(name);
            if (value != null && !value.isBlank()) {
                given.put(name, value.strip());
            }
        }
        return given;
    }

    static EventQuery query(Map<String, String> given) {
        EventQuery query = EventQuery.all();
        if (given.containsKey("user")) {
            query = query.withUser(given.get("user"));
        }
        if (given.containsKey("provider")) {
            query = query.withIntegration(given.get("provider"));
        }
        if (given.containsKey("code")) {
            query = query.withCode(given.get("code"));
        }
        if (given.containsKey("type")) {
            query = query.withType(type(given.get("type")));
        }
        query = query.between(time(given.get("from"), false), time(given.get("until"), true));
        if (given.containsKey("limit")) {
            query = query.withLimit(limit(given.get("limit")));
        }
        return query;
    }

    private static AuditEventType type(String text) {
        try {
            return AuditEventType.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("type is not an event type");
        }
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= EventQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid("limit must be a number from 1 to " + EventQuery.MAX_LIMIT);
    }

    private static Optional<Instant> time(String text, boolean endOfDay) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate date = LocalDate.parse(text);
                return Optional.of((endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notADate) {
                throw invalid("a time must be an ISO-8601 instant or date (2026-12-06T10:15:00Z, 2026-12-06)");
            }
        }
    }

    private static LanyardException invalid(String why) {
        return new LanyardException(ErrorCode.EVENT_QUERY_INVALID, why);
    }
}
