package io.lanyard.core.audit;

import io.lanyard.core.error.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lanyard's own audit trail in the shared home ({@code <lanyard home>/events/}): bounded, rotated, crash-safe, and
 * shared by the cluster's nodes.
 *
 * <ul>
 *   <li><b>Two nodes:</b> each node appends to its own files only ({@code <node>-<start>-<n>.events}), so no two
 *   writers ever share a file and no lock across nodes is needed; reading merges every node's files by time.</li>
 *   <li><b>Crash-safe:</b> a record is one line, {@code <crc32 hex> <json>\n}, written with one append. A kill at any
 *   point leaves at most one torn last line, which the reader skips by its checksum; a node starts a new file at each
 *   start (and after a failed write), so it never appends behind a torn line. Nothing is rewritten in place.</li>
 *   <li><b>Bounded:</b> a file is closed at {@link Limits#fileBytes()}; each node keeps its newest
 *   {@link Limits#filesPerNode()} files and deletes older ones (its own only: never a file another node may be
 *   writing).</li>
 * </ul>
 *
 * <p>A failed write is logged ({@link ErrorCode#EVENT_STORE_UNWRITABLE}, once until a write succeeds again) and never
 * thrown: the audit trail never breaks a login. Appends are serialized on this node.
 */
public final class EventStore implements AuditSink {

    private static final Logger LOG = LoggerFactory.getLogger(EventStore.class);
    static final String SUFFIX = ".events";
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    /**
     * @param fileBytes    a file is closed when it reaches this size
     * @param filesPerNode how many files each node keeps (the newest)
     */
    public record Limits(long fileBytes, int filesPerNode) {

        /** 1 MiB files, 10 per node: some 10 MiB, tens of thousands of events, per node. */
        public static final Limits DEFAULT = new Limits(1024 * 1024, 10);

        public Limits {
            if (fileBytes < 1024 || filesPerNode < 2) {
                throw new IllegalArgumentException("at least 1 KiB files and 2 files per node");
            }
        }
    }

    private final Path directory;
    /** {@code <node>-}: this node's files, of every start. */
    private final String nodeFiles;
    /** {@code <node>-<start>-}: this start's files. */
    private final String nodePrefix;
    private final Limits limits;
    private final Object appendLock = new Object();
    // guarded by appendLock
    private FileChannel current;
    private Path currentFile;
    private int sequence;
    private boolean failing;

    /**
     * @param directory the store's folder in the shared home (created when the first event is written)
     * @param nodeName  this node's name (the cluster's), which names its files
     */
    public EventStore(Path directory, String nodeName, Limits limits, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.nodeFiles = UNSAFE.matcher(Objects.requireNonNull(nodeName, "nodeName")).replaceAll("_") + "-";
        this.nodePrefix = nodeFiles + clock.millis() + "-";
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The store of Lanyard's folder. */
    public static EventStore inFolder(Path lanyardDirectory, String nodeName, Clock clock) {
        return new EventStore(lanyardDirectory.resolve("events"), nodeName, Limits.DEFAULT, clock);
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void record(AuditEvent event) {
        byte[] line = line(event);
        synchronized (appendLock) {
            try {
                append(line);
                if (failing) {
                    LOG.info("{}: the event store in {} is written again", ErrorCode.EVENT_STORE_UNWRITABLE, directory);
                    failing = false;
                }
            } catch (IOException | RuntimeException e) {
                closeCurrent(); // the next event starts a new file rather than append behind a torn line
                if (!failing) {
                    LOG.warn("{}: could not write Lanyard's event store in {} ({}); events still go to the log",
                            ErrorCode.EVENT_STORE_UNWRITABLE, directory, e.toString());
                    failing = true;
                }
            }
        }
    }

    static byte[] line(AuditEvent event) {
        String json = AuditEventJson.write(event);
        return (checksum(json) + " " + json + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String checksum(String json) {
        CRC32 crc = new CRC32();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    // under appendLock
    private void append(byte[] line) throws IOException {
        if (current == null || current.size() + line.length > limits.fileBytes()) {
            rotate();
        }
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            current.write(buffer);
        }
    }

    private void rotate() throws IOException {
        closeCurrent();
        Files.createDirectories(directory);
        sequence++;
        currentFile = directory.resolve(nodePrefix + String.format("%06d", sequence) + SUFFIX);
        current = FileChannel.open(currentFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        deleteOldFilesOfThisNode();
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // nothing more to write to it
            }
            current = null;
        }
    }

    /** This node's files, of this and earlier starts, beyond the newest {@link Limits#filesPerNode()}. */
    private void deleteOldFilesOfThisNode() throws IOException {
        List<Path> own = new ArrayList<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            if (name.startsWith(nodeFiles) && name.substring(nodeFiles.length()).matches("\\d+-\\d+\\" + SUFFIX)) {
                own.add(file);
            }
        }
        own.sort(Comparator.comparing(EventStore::startAndSequence));
        for (int i = 0; i < own.size() - limits.filesPerNode(); i++) {
            Files.deleteIfExists(own.get(i));
        }
    }

    private static String startAndSequence(Path file) {
        String name = file.getFileName().toString();
        String[] parts = name.substring(0, name.length() - SUFFIX.length()).split("-");
        return String.format("%020d-%s", Long.parseLong(parts[parts.length - 2]), parts[parts.length - 1]);
    }

    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            stream.forEach(files::add);
        }
        return files;
    }

    /**
     * The events of every node that match, the newest first. Lines that are torn or altered (checksum), or of a
     * type or code this version does not know, are skipped.
     */
    public List<AuditEvent> recent(EventQuery query) {
        List<AuditEvent> found = new ArrayList<>();
        try {
            for (Path file : files()) {
                read(file, query, found);
            }
        } catch (IOException e) {
            LOG.warn("{}: could not read Lanyard's event store in {} ({})", ErrorCode.EVENT_STORE_UNWRITABLE,
                    directory, e.toString());
        }
        found.sort(Comparator.comparing(AuditEvent::time).reversed());
        return found.size() > query.limit() ? List.copyOf(found.subList(0, query.limit())) : List.copyOf(found);
    }

    private static void read(Path file, EventQuery query, List<AuditEvent> into) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Channels.newInputStream(FileChannel.open(file, StandardOpenOption.READ)),
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)))) {
            String line;
            while ((line = reader.readLine()) != null) {
                parse(line).filter(query::matches).ifPresent(into::add);
            }
        } catch (NoSuchFileException deletedMeanwhile) {
            // another node rotated it away while this one listed the folder
        }
    }

    /** A stored line, if whole and unaltered. */
    static Optional<AuditEvent> parse(String line) {
        int space = line.indexOf(' ');
        if (space != 8) {
            return Optional.empty();
        }
        String json = line.substring(space + 1);
        if (!checksum(json).equals(line.substring(0, space))) {
            return Optional.empty();
        }
        return AuditEventJson.read(json);
    }

    /** The file this node appends to now, if any (tests). */
    Optional<Path> currentFile() {
        synchronized (appendLock) {
            return Optional.ofNullable(current == null ? null : currentFile);
        }
    }
}
