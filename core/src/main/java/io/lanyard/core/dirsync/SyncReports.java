package io.lanyard.core.dirsync;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.AtomicFileWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reports of a connector's last {@value #KEPT} runs, one JSON file each in
 * {@code <shared home>/lanyard/dirsync/<connector>/reports/}, named so that they sort by time; older ones are deleted
 * when a new one is written. Every node reads the same files, so any node's admin page shows every node's runs.
 */
final class SyncReports {

    static final int KEPT = 20;
    private static final Logger LOG = LoggerFactory.getLogger(SyncReports.class);

    private final Path directory;

    SyncReports(Path connectorDirectory) {
        this.directory = connectorDirectory.resolve("reports");
    }

    /** @throws LanyardException {@code LNY-751} */
    void save(SyncReport report) {
        Path file = directory.resolve(report.started().toEpochMilli() + "-" + report.runId() + ".json");
        try {
            new AtomicFileWriter(AtomicFileWriter.ATOMIC_MOVE).write(file, null,
                    JSONObjectUtils.toJSONString(toJson(report)).getBytes(StandardCharsets.UTF_8));
        } catch (LanyardException e) {
            throw new LanyardException(ErrorCode.DIRSYNC_STATE_WRITE_FAILED, e.getMessage(), e);
        }
        List<Path> files = files();
        for (int i = KEPT; i < files.size(); i++) {
            try {
                Files.deleteIfExists(files.get(i));
            } catch (IOException e) {
                LOG.warn("Cannot delete the old sync report {}: {}", files.get(i), e.getMessage());
            }
        }
    }

    /** The kept reports, newest first; a report that cannot be read is left out (and logged). */
    List<SyncReport> list() {
        List<SyncReport> reports = new ArrayList<>();
        for (Path file : files()) {
            try {
                reports.add(fromJson(JSONObjectUtils.parse(Files.readString(file))));
            } catch (IOException | java.text.ParseException | RuntimeException e) {
                LOG.warn("Cannot read the sync report {}: {}", file, e.getMessage());
            }
        }
        return reports;
    }

    private List<Path> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        } catch (IOException e) {
            LOG.warn("Cannot list the sync reports in {}: {}", directory, e.getMessage());
            return List.of();
        }
    }

    static Map<String, Object> toJson(SyncReport r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runId", r.runId());
        json.put("connectorId", r.connectorId());
        json.put("trigger", r.trigger().name());
        json.put("actor", r.actor());
        json.put("node", r.node());
        json.put("preview", r.preview());
        json.put("full", r.full());
        json.put("outcome", r.outcome().name());
        json.put("started", r.started().toString());
        json.put("finished", r.finished().toString());
        json.put("counts", new LinkedHashMap<>(r.counts().asMap()));
        Map<String, Object> phases = new LinkedHashMap<>();
        r.phases().forEach((phase, duration) -> phases.put(phase, duration.toMillis()));
        json.put("phaseMillis", phases);
        json.put("failureCode", r.failureCode().map(ErrorCode::code).orElse(null));
        json.put("failure", r.failure().orElse(null));
        json.put("errors", r.errors());
        json.put("changes", r.changes());
        json.put("graphRequests", r.graphRequests());
        json.put("throttled", r.throttled());
        return json;
    }

    @SuppressWarnings("unchecked")
    static SyncReport fromJson(Map<String, Object> json) {
        Map<String, Object> c = (Map<String, Object>) json.get("counts");
        SyncReport.Counts counts = new SyncReport.Counts(n(c, "usersRead"), n(c, "groupsRead"), n(c, "created"),
                n(c, "updated"), n(c, "deactivated"), n(c, "reactivated"), n(c, "pendingDeactivation"),
                n(c, "membershipsAdded"), n(c, "membershipsRemoved"), n(c, "groupsCreated"), n(c, "unchanged"),
                n(c, "errors"));
        Map<String, Duration> phases = new LinkedHashMap<>();
        ((Map<String, Object>) json.get("phaseMillis")).forEach((phase, millis) ->
                phases.put(phase, Duration.ofMillis(((Number) millis).longValue())));
        Optional<ErrorCode> code = Optional.ofNullable((String) json.get("failureCode")).flatMap(text ->
                Arrays.stream(ErrorCode.values()).filter(e -> e.code().equals(text)).findFirst());
        return new SyncReport((String) json.get("runId"), (String) json.get("connectorId"),
                SyncReport.Trigger.valueOf((String) json.get("trigger")), (String) json.get("actor"),
                (String) json.get("node"), (Boolean) json.get("preview"), (Boolean) json.get("full"),
                SyncReport.Outcome.valueOf((String) json.get("outcome")), Instant.parse((String) json.get("started")),
                Instant.parse((String) json.get("finished")), counts, phases, code,
                Optional.ofNullable((String) json.get("failure")), strings(json.get("errors")),
                strings(json.get("changes")), ((Number) json.get("graphRequests")).intValue(),
                ((Number) json.get("throttled")).intValue());
    }

    private static long n(Map<String, Object> counts, String name) {
        return counts.get(name) instanceof Number number ? number.longValue() : 0;
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
