package io.lanyard.plugin.admin.events;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventType;
import io.lanyard.core.audit.EventQuery;
import io.lanyard.core.audit.EventStore;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.plugin.admin.AdminGuard;
import io.lanyard.plugin.admin.AdminPages;
import io.lanyard.plugin.admin.AdminView;
import java.io.IOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * "Events": the newest events of Lanyard's event store with filters (user, provider, code, type, time), and the same
 * selection exported as CSV ({@code events/export.csv}) or JSON ({@code events/export.json}). Reading only: nothing
 * here changes anything, so GET alone.
 */
public final class EventPages implements AdminPages {

    static final String PATH = "events";
    private static final String CSV = "export.csv";
    private static final String JSON = "export.json";

    private final EventStore events;
    private final AdminView view;

    public EventPages(EventStore events, AdminView view) {
        this.events = Objects.requireNonNull(events, "events");
        this.view = Objects.requireNonNull(view, "view");
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, List<String> path) throws IOException {
        if (!"GET".equals(request.getMethod()) || path.size() > 1
                || (path.size() == 1 && !path.get(0).equals(CSV) && !path.get(0).equals(JSON))) {
            view.refusal(request, response, HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND);
            return;
        }
        Map<String, String> given = EventFilter.given(request::getParameter);
        EventQuery query;
        try {
            query = EventFilter.query(given);
        } catch (LanyardException e) {
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, given, List.of(), e);
            return;
        }
        List<AuditEvent> found = events.recent(query);
        if (path.isEmpty()) {
            show(request, response, HttpServletResponse.SC_OK, given, found, null);
        } else {
            export(response, path.get(0), found);
        }
    }

    private void export(HttpServletResponse response, String which, List<AuditEvent> found) throws IOException {
        AdminGuard.securityHeaders(response, view.layout().contentSecurityPolicy());
        boolean csv = which.equals(CSV);
        response.setContentType(csv ? "text/csv;charset=UTF-8" : "application/json;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"lanyard-events." + (csv ? "csv" : "json")
                + "\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = response.getWriter();
        if (csv) {
            EventExport.csv(found, out);
        } else {
            EventExport.json(found, out);
        }
        out.flush();
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, Map<String, String> given,
            List<AuditEvent> found, LanyardException failure) throws IOException {
        Map<String, Object> filter = new HashMap<>();
        for (String name : EventFilter.PARAMETERS) {
            filter.put(name, given.getOrDefault(name, ""));
        }
        Map<String, Object> data = new HashMap<>();
        data.put("filter", filter);
        data.put("types", Arrays.stream(AuditEventType.values()).map(Enum::name).toList());
        data.put("events", rows(found));
        data.put("exportQuery", given.entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        data.put("storeFolder", events.directory().toString());
        if (failure != null) {
            data.put("failure", Map.of("code", failure.errorCode().code(), "detail", failure.getMessage()));
        }
        view.show(request, response, status, PATH, "eventsPage", data);
    }

    private static List<Map<String, Object>> rows(List<AuditEvent> found) {
        List<Map<String, Object>> rows = new ArrayList<>(found.size());
        for (AuditEvent event : found) {
            Map<String, Object> row = new HashMap<>();
            row.put("time", event.time().toString());
            row.put("type", event.type().name());
            row.put("user", event.user().orElse(""));
            row.put("actor", event.actor().orElse(""));
            row.put("provider", event.integrationId().orElse(""));
            row.put("code", event.code().map(ErrorCode::code).orElse(""));
            row.put("reference", event.correlationId().orElse(""));
            row.put("source", event.sourceAddress().orElse(""));
            row.put("details", EventExport.details(event.details()));
            rows.add(row);
        }
        return rows;
    }
}
