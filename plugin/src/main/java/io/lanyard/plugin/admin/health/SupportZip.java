package io.lanyard.plugin.admin.health;

import io.lanyard.core.audit.AuditEvent;
import io.lanyard.core.audit.AuditEventJson;
import io.lanyard.core.audit.EventQuery;
import io.lanyard.core.audit.EventStore;
import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.config.xml.IntegrationFields;
import io.lanyard.core.nodes.NodeReport;
import io.lanyard.core.nodes.NodeReports;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The "support zip" an administrator downloads from the page Health and sends to whoever helps them: the
 * configuration with every secret removed, the recent events, the providers' checks as the Health page shows them,
 * versions, the cluster's nodes and this node's clock. Nothing in it is a secret, token, authorization code or cookie:
 * secret fields say only whether one is set, events never hold one (the audit port's rule), node reports are named
 * without their secrets' fingerprints.
 */
final class SupportZip {

    static final String REMOVED = "(removed: set)";
    static final String NONE = "(none)";
    static final int EVENTS = 1000;

    private final Optional<EventStore> events;
    private final Optional<NodeReports> nodes;
    private final String product;

    SupportZip(Optional<EventStore> events, Optional<NodeReports> nodes, String product) {
        this.events = Objects.requireNonNull(events, "events");
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.product = Objects.requireNonNull(product, "product");
    }

    /** @param providers the Health page's rows, as shown */
    void write(OutputStream out, LanyardConfiguration configuration, List<Map<String, Object>> providers, Instant now)
            throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            entry(zip, "configuration.txt", configuration(configuration));
            entry(zip, "events.jsonl", events());
            entry(zip, "providers.txt", providers(providers));
            entry(zip, "versions.txt", versions());
            entry(zip, "nodes.txt", nodes());
            entry(zip, "clock.txt", clocks(providers, now));
        }
    }

    /** This node's clock, and each provider's against it (from the Date header of its last discovery answer). */
    private static String clocks(List<Map<String, Object>> providers, Instant now) {
        StringBuilder text = new StringBuilder("this node (UTC): " + now + "\n");
        for (Map<String, Object> provider : providers) {
            Object discovery = provider.get("discovery");
            Object offset = discovery instanceof Map<?, ?> fetch ? fetch.get("clockOffset") : null;
            text.append(provider.get("id")).append(": ").append(offset == null || "".equals(offset)
                    ? "not measured yet (no answer since this node started)" : offset + " ahead of this node")
                    .append('\n');
        }
        return text.toString();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static String configuration(LanyardConfiguration configuration) {
        StringBuilder text = new StringBuilder();
        for (IntegrationKind<?> kind : IntegrationKind.ALL) {
            for (Integration integration : configuration.all(kind)) {
                text.append('[').append(kind.label()).append(' ').append(integration.id()).append("]\n");
                IntegrationFields.of(integration).forEach((field, value) -> text.append(field).append(" = ")
                        .append(IntegrationFields.isSecret(field) ? (value.isEmpty() ? NONE : REMOVED) : value)
                        .append('\n'));
                text.append('\n');
            }
        }
        return text.toString();
    }

    private String events() {
        StringBuilder text = new StringBuilder();
        for (AuditEvent event : events.map(store -> store.recent(EventQuery.all().withLimit(EVENTS)))
                .orElse(List.of())) {
            text.append(AuditEventJson.write(event)).append('\n');
        }
        return text.toString();
    }

    private static String providers(List<Map<String, Object>> providers) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> provider : providers) {
            text.append(new java.util.TreeMap<>(provider)).append('\n');
        }
        return text.toString();
    }

    private String versions() {
        Package lanyard = SupportZip.class.getPackage();
        return "product: " + product + "\n"
                + "lanyard: " + Optional.ofNullable(lanyard.getImplementationVersion()).orElse("(development build)")
                + "\n" + "java: " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
                + ")\n" + "os: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + "\n";
    }

    private String nodes() {
        StringBuilder text = new StringBuilder();
        for (NodeReport report : nodes.map(NodeReports::readAll).orElse(List.of())) {
            text.append(report.nodeId()).append(" reported at ").append(report.writtenAt())
                    .append(report.securedKeyId().map(id -> ", encrypted store key id " + id).orElse("")).append('\n');
        }
        return text.isEmpty() ? "(no node reports in the shared home)\n" : text.toString();
    }
}
