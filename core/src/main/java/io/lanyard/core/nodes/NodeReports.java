package io.lanyard.core.nodes;

import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.AtomicFileWriter;
import io.lanyard.core.nodes.NodeReport.Accepted;
import io.lanyard.core.nodes.NodeReport.Resolution;
import io.lanyard.core.nodes.NodeReport.SecretUse;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.SecretSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes' reports, one file each in {@code <shared home>/lanyard/nodes/<node>.properties}: every node writes its
 * own, atomically; any node reads them all, so that the admin page shows every node whichever node serves it. Without
 * a cluster API of the products this works alike in every product: the shared home is shared by every node. A file
 * that cannot be read is skipped with a warning; a node that no longer exists is forgotten by deleting its file.
 */
public final class NodeReports {

    static final String DIRECTORY = "nodes";
    private static final String SUFFIX = ".properties";
    private static final int MAX_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(NodeReports.class);

    private final Path directory;
    private final AtomicFileWriter writer = new AtomicFileWriter(AtomicFileWriter.ATOMIC_MOVE);

    public NodeReports(Path lanyardDirectory) {
        this.directory = lanyardDirectory.resolve(DIRECTORY);
    }

    /**
     * @throws LanyardException {@code CONFIG_WRITE_FAILED}
     */
    public void write(NodeReport report) {
        Properties properties = new Properties();
        properties.setProperty("node", report.nodeId());
        properties.setProperty("written", report.writtenAt().toString());
        report.securedKeyId().ifPresent(id -> properties.setProperty("secured-key-id", id));
        for (SecretUse use : report.secrets()) {
            String prefix = prefix(use.owner());
            properties.setProperty(prefix + "current", resolution(use.current()));
            use.next().ifPresent(next -> properties.setProperty(prefix + "next", resolution(next)));
            use.accepted().ifPresent(accepted -> properties.setProperty(prefix + "accepted",
                    accepted.fingerprint() + " " + accepted.at()));
        }
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "Lanyard: what this node uses (fingerprints, never a secret). Written by Lanyard.");
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter failed", e);
        }
        writer.write(file(report.nodeId()), null, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Every node's report, by node name. */
    public List<NodeReport> readAll() {
        List<NodeReport> reports = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                read(file).ifPresent(reports::add);
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            LOG.warn("Cannot list the nodes' reports in {} ({})", directory, e.getClass().getSimpleName());
        }
        reports.sort(Comparator.comparing(NodeReport::nodeId));
        return reports;
    }

    /** Forgets a node that no longer exists (its report would otherwise hold back a rotation). */
    public boolean forget(String nodeId) {
        try {
            return Files.deleteIfExists(file(NodeIdentity.of(nodeId)));
        } catch (IOException e) {
            LOG.warn("Cannot delete the report of node {} ({})", nodeId, e.getClass().getSimpleName());
            return false;
        }
    }

    private Path file(String nodeId) {
        return directory.resolve(NodeIdentity.of(nodeId) + SUFFIX);
    }

    private Optional<NodeReport> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES);
            Properties properties = new Properties();
            properties.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
            String node = properties.getProperty("node");
            Instant written = Instant.parse(properties.getProperty("written", ""));
            List<SecretUse> secrets = new ArrayList<>();
            for (String owner : owners(properties)) {
                parseOwner(owner).ifPresent(parsed -> secrets.add(new SecretUse(parsed,
                        parseResolution(properties.getProperty(owner + ".current", "")),
                        Optional.ofNullable(properties.getProperty(owner + ".next")).map(NodeReports::parseResolution),
                        Optional.ofNullable(properties.getProperty(owner + ".accepted")).flatMap(NodeReports::parseAccepted))));
            }
            return Optional.of(new NodeReport(NodeIdentity.of(node == null ? "?" : node), written,
                    Optional.ofNullable(properties.getProperty("secured-key-id")), secrets));
        } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            LOG.warn("Skipping the node report {}: it cannot be read ({})", file, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static String prefix(SecretOwner owner) {
        return "secret." + owner.kind().name() + "." + owner.id() + ".";
    }

    private static TreeSet<String> owners(Properties properties) {
        TreeSet<String> owners = new TreeSet<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("secret.") && name.lastIndexOf('.') > "secret.".length()) {
                owners.add(name.substring(0, name.lastIndexOf('.')));
            }
        }
        return owners;
    }

    private static Optional<SecretOwner> parseOwner(String key) {
        String[] parts = key.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SecretOwner(SecretOwner.Kind.valueOf(parts[1]), parts[2]));
        } catch (IllegalArgumentException unknownKind) {
            return Optional.empty();
        }
    }

    /** {@code SOURCE name-or-- fingerprint-or-- problem-or--}. */
    private static String resolution(Resolution resolution) {
        return resolution.source().name() + " " + resolution.propertyName().orElse("-") + " "
                + resolution.fingerprint().orElse("-") + " " + resolution.problemCode().orElse("-");
    }

    private static Resolution parseResolution(String text) {
        String[] parts = text.strip().split(" ");
        SecretSource source = SecretSource.valueOf(parts[0]);
        return new Resolution(source, part(parts, 1), part(parts, 2), part(parts, 3));
    }

    private static Optional<Accepted> parseAccepted(String text) {
        String[] parts = text.strip().split(" ");
        return parts.length == 2 ? Optional.of(new Accepted(parts[0], Instant.parse(parts[1]))) : Optional.empty();
    }

    private static Optional<String> part(String[] parts, int index) {
        return parts.length > index && !parts[index].equals("-") ? Optional.of(parts[index]) : Optional.empty();
    }
}
