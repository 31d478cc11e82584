package io.lanyard.plugin.admin.api;

import io.lanyard.core.dirsync.DirectorySync;
import io.lanyard.core.dirsync.SyncProgress;
import io.lanyard.core.dirsync.SyncReport;
import io.lanyard.core.error.LanyardException;
import io.lanyard.plugin.dirsync.DirectorySyncs;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code dirsync/<connector>} (GET: the run going on with its phase, counts, rate and time left, and the last runs'
 * reports) and {@code dirsync/<connector>/run} (POST {@code {"preview", "confirmDeactivations", "full"}}: "Preview",
 * "Sync now", "Sync now" confirming the deactivations a safety stop held back; answered 202, the run goes on in the
 * background). Failures: {@code LNY-746} (409, running already), {@code LNY-752} (500, no such connector, disabled, or
 * no home folder).
 */
final class DirectorySyncApi {

    /** What a POST of {@code run} asks. */
    record RunRequest(Boolean preview, Boolean confirmDeactivations, Boolean full) {
    }

    private final DirectorySyncs syncs;

    DirectorySyncApi(DirectorySyncs syncs) {
        this.syncs = syncs;
    }

    ApiResources.Result status(String connectorId) {
        DirectorySyncs.Status status;
        try {
            status = syncs.status(connectorId);
        } catch (LanyardException e) {
            throw refused(e);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("connectorId", connectorId);
        body.put("running", status.running().map(DirectorySyncApi::progress).orElse(null));
        body.put("lastRunStarted", status.lastRun().map(Object::toString).orElse(null));
        body.put("reports", status.reports().stream().map(SyncReport::toJson).toList());
        return new ApiResources.Result(HttpServletResponse.SC_OK, body);
    }

    ApiResources.Result run(String who, String connectorId, RunRequest request) {
        boolean preview = Boolean.TRUE.equals(request.preview());
        DirectorySync.Request run = preview ? DirectorySync.Request.preview(who)
                : DirectorySync.Request.syncNow(who, Boolean.TRUE.equals(request.confirmDeactivations()));
        try {
            syncs.start(connectorId, Boolean.TRUE.equals(request.full()) ? run.full() : run);
        } catch (LanyardException e) {
            throw refused(e);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("connectorId", connectorId);
        body.put("started", true);
        body.put("preview", preview);
        return new ApiResources.Result(HttpServletResponse.SC_ACCEPTED, body);
    }

    /** With the code's own status: 409 for a run going on, 500 for a connector that cannot sync. */
    private static ApiException refused(LanyardException e) {
        return new ApiException(e.errorCode().httpStatus(), e.errorCode(), e.getMessage());
    }

    static Map<String, Object> progress(SyncProgress.View view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runId", view.runId());
        json.put("preview", view.preview());
        json.put("phase", view.phase().name());
        json.put("started", view.started().toString());
        json.put("groupsRead", view.groupsRead());
        json.put("usersRead", view.usersRead());
        json.put("planned", view.planned());
        json.put("applied", view.applied());
        json.put("ratePerSecond", Math.round(view.ratePerSecond() * 10) / 10.0);
        json.put("etaSeconds", view.etaSeconds().isPresent() ? view.etaSeconds().getAsLong() : null);
        return json;
    }
}
