package io.lanyard.core.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.lanyard.core.error.ErrorCode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One audit event as one line of JSON, the event store's record and the admin UI's JSON export: every field by the
 * name the log line gives it ({@link LoggingAuditSink}), {@code details} as an object in the order added.
 */
public final class AuditEventJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private AuditEventJson() {
    }

    /** One line, without a line break (JSON escapes every control character in strings). */
    public static String write(AuditEvent event) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            write(json, event);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** Writes the event as one JSON object with {@code json}. */
    public static void write(JsonGenerator json, AuditEvent event) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", event.type().name());
        json.writeStringField("time", event.time().toString());
        writeIfPresent(json, "actor", event.actor());
        writeIfPresent(json, "user", event.user());
        writeIfPresent(json, "integration", event.integrationId());
        writeIfPresent(json, "code", event.code().map(ErrorCode::code));
        writeIfPresent(json, "reference", event.correlationId());
        writeIfPresent(json, "source", event.sourceAddress());
        json.writeObjectFieldStart("details");
        for (Map.Entry<String, String> detail : event.details().entrySet()) {
            json.writeStringField(detail.getKey(), detail.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeIfPresent(JsonGenerator json, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(name, value.get());
        }
    }

    /**
     * Reads a line {@link #write(AuditEvent)} wrote.
     *
     * @return empty when it is not such a line (torn by a crash, or of a type or code this version does not know)
     */
    public static Optional<AuditEvent> read(String line) {
        try (JsonParser parser = FACTORY.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            AuditEvent event = readObject(parser);
            return parser.nextToken() == null ? Optional.ofNullable(event) : Optional.empty();
        } catch (IOException | IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static AuditEvent readObject(JsonParser parser) throws IOException {
        Map<String, String> fields = new HashMap<>();
        Map<String, String> details = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if ("details".equals(name)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    details.put(key, parser.getValueAsString(""));
                }
                continue;
            }
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            fields.put(name, parser.getText());
        }
        AuditEvent.Builder event = AuditEvent.of(AuditEventType.valueOf(fields.get("type")),
                Instant.parse(fields.get("time")))
                .actor(fields.get("actor")).user(fields.get("user")).integration(fields.get("integration"))
                .correlationId(fields.get("reference")).sourceAddress(fields.get("source"));
        String code = fields.get("code");
        if (code != null) {
            event.code(codeOf(code));
        }
        details.forEach(event::detail);
        return event.build();
    }

    /** The error code with this text ({@code LNY-420}); an unknown one fails the line. */
    static ErrorCode codeOf(String code) {
        for (ErrorCode candidate : ErrorCode.values()) {
            if (candidate.code().equals(code)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown code");
    }
}
