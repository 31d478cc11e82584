package io.lanyard.plugin.admin.dirsync;

import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.dirsync.DirectorySync;
import io.lanyard.core.dirsync.SyncProgress;
import io.lanyard.core.dirsync.SyncReport;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.plugin.admin.AdminGuard;
import io.lanyard.plugin.admin.AdminPages;
import io.lanyard.plugin.admin.AdminPaths;
import io.lanyard.plugin.admin.AdminView;
import io.lanyard.plugin.dirsync.DirectorySyncs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * "Directory sync": each Entra ID connector's sync with the run going on (phase, counts, rate, time left) and the last
 * reports, and its buttons "Sync now", "Preview" and "Sync now" confirming the deactivations of a safety stop. Runs
 * start in the background ({@link DirectorySyncs}); the page shows where they are when it is loaded again.
 */
public final class DirectorySyncPages implements AdminPages {

    static final String PATH = "dirsync";
    /** Reports shown per connector; the shared home keeps more. */
    private static final int SHOWN_REPORTS = 5;

    private final Supplier<LanyardConfiguration> configuration;
    private final DirectorySyncs syncs;
    private final AdminView view;
    private final AdminGuard guard;

    public DirectorySyncPages(Supplier<LanyardConfiguration> configuration, DirectorySyncs syncs, AdminView view,
            AdminGuard guard) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.syncs = Objects.requireNonNull(syncs, "syncs");
        this.view = Objects.requireNonNull(view, "view");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, List<String> path) throws IOException {
        boolean post = "POST".equals(request.getMethod());
        if (path.isEmpty() && !post) {
            show(request, response, HttpServletResponse.SC_OK, Map.of());
        } else if (post && path.size() == 2 && AdminPaths.isId(path.get(0)) && path.get(1).equals("run")) {
            run(request, response, path.get(0));
        } else {
            view.refusal(request, response, HttpServletResponse.SC_NOT_FOUND, ErrorCode.ADMIN_NOT_FOUND);
        }
    }

    private void run(HttpServletRequest request, HttpServletResponse response, String connectorId)
            throws IOException {
        String who = guard.username(request).orElse("-");
        String mode = String.valueOf(request.getParameter("mode"));
        DirectorySync.Request run = switch (mode) {
            case "preview" -> DirectorySync.Request.preview(who);
            case "confirm" -> DirectorySync.Request.syncNow(who, true);
            default -> DirectorySync.Request.syncNow(who, false);
        };
        try {
            syncs.start(connectorId, run);
        } catch (LanyardException e) {
            show(request, response, e.errorCode().httpStatus(), Map.of("failure", Map.of("code",
                    e.errorCode().code(), "detail", e.getMessage())));
            return;
        }
        view.redirect(request, response, "/" + PATH + "?done=" + connectorId);
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> extra)
            throws IOException {
        List<Map<String, Object>> connectors = new ArrayList<>();
        for (EntraConnectorConfig connector : configuration.get().all(IntegrationKind.ENTRA_CONNECTOR)) {
            connectors.add(connector(connector));
        }
        Map<String, Object> data = new HashMap<>(extra);
        String done = request.getParameter("done");
        data.put("done", done != null && AdminPaths.isId(done) ? done : "");
        data.put("connectors", connectors);
        view.show(request, response, status, PATH, "dirSyncPage", data);
    }

    private Map<String, Object> connector(EntraConnectorConfig connector) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", connector.id());
        row.put("name", connector.displayName());
        row.put("scheduled", connector.enabled() && connector.sync().enabled());
        row.put("interval", connector.sync().interval().toMinutes() + " min");
        row.put("available", connector.enabled());
        row.put("lastRun", "");
        row.put("problem", "");
        row.put("running", null);
        row.put("reports", List.of());
        try {
            DirectorySyncs.Status status = syncs.status(connector.id());
            row.put("lastRun", status.lastRun().map(Object::toString).orElse(""));
            row.put("running", status.running().map(DirectorySyncPages::progress).orElse(null));
            row.put("reports", status.reports().stream().limit(SHOWN_REPORTS).map(DirectorySyncPages::report)
                    .toList());
        } catch (LanyardException e) {
            row.put("available", false);
            row.put("problem", e.errorCode().code() + " " + e.getMessage());
        }
        return row;
    }

    private static Map<String, Object> progress(SyncProgress.View view) {
        Map<String, Object> running = new HashMap<>();
        running.put("phase", view.phase().name());
        running.put("usersRead", Long.toString(view.usersRead()));
        running.put("groupsRead", Long.toString(view.groupsRead()));
        running.put("planned", Long.toString(view.planned()));
        running.put("applied", Long.toString(view.applied()));
        running.put("rate", String.format(java.util.Locale.ROOT, "%.0f", view.ratePerSecond()));
        running.put("eta", view.etaSeconds().isPresent() ? Long.toString(view.etaSeconds().getAsLong()) : "");
        running.put("preview", view.preview());
        return running;
    }

    private static Map<String, Object> report(SyncReport report) {
        Map<String, Object> row = new HashMap<>();
        row.put("runId", report.runId());
        row.put("started", report.started().toString());
        row.put("outcome", report.outcome().name());
        row.put("mode", report.full() ? "full" : "delta");
        row.put("trigger", report.trigger().name().toLowerCase(java.util.Locale.ROOT));
        row.put("actor", String.valueOf(report.actor()));
        row.put("node", String.valueOf(report.node()));
        row.put("seconds", Long.toString(report.duration().toSeconds()));
        List<Map<String, Object>> counts = new ArrayList<>();
        report.counts().asMap().forEach((name, value) -> {
            if (value != 0) {
                counts.add(Map.of("name", name, "value", Long.toString(value)));
            }
        });
        row.put("counts", counts);
        row.put("failure", report.failureCode().map(code -> code.code() + " ").orElse("")
                + report.failure().orElse(""));
        row.put("errors", report.errors());
        row.put("changes", report.changes().stream().limit(20).toList());
        Map<String, String> phases = new LinkedHashMap<>();
        report.phases().forEach((phase, duration) -> phases.put(phase, duration.toMillis() / 100 / 10.0 + " s"));
        row.put("phases", phases.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        return row;
    }
}
