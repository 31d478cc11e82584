package io.lanyard.plugin.admin.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventJson;
import io.lanyard.core.error.ErrorCode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Events export: CSV (RFC 4180, one row per event, the details in one cell) and JSON (an array of the event
 * store's objects). CSV cells that a spreadsheet would run as a formula ({@code = + - @}, tab, carriage return) are
 * prefixed with {@code '} (OWASP "CSV injection"): usernames and claims come from outside.
 */
final class EventExport {

    static final String CSV_HEADER = "time,type,user,actor,provider,code,reference,source,details";
    private static final JsonFactory JSON = new JsonFactory();

    private EventExport() {
    }

    static void csv(List<AuditEvent> events, Writer out) throws IOException {
        out.write(CSV_HEADER);
        out.write("\r\n");
        for (AuditEvent event : events) {
            out.write(String.join(",", cell(event.time().toString()), cell(event.type().name()),
                    cell(event.user().orElse("")), cell(event.actor().orElse("")),
                    cell(event.integrationId().orElse("")), cell(event.code().map(ErrorCode::code).orElse("")),
                    cell(event.correlationId().orElse("")), cell(event.sourceAddress().orElse("")),
                    cell(details(event.details()))));
            out.write("\r\n");
        }
    }

    static void json(List<AuditEvent> events, Writer out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            for (AuditEvent event : events) {
                AuditEventJson.write(json, event);
            }
            json.writeEndArray();
        }
    }

    /** {@code name=value; name=value}: how the page and the CSV show details. */
    static String details(Map<String, String> details) {
        return details.entrySet().stream().map(detail -> detail.getKey() + "=" + detail.getValue())
                .collect(Collectors.joining("; "));
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
            return safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
