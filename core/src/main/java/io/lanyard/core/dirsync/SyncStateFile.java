package io.lanyard.core.dirsync;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.AtomicFileWriter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * {@code <shared home>/lanyard/dirsync/<connector>/state.gz}: a {@link SyncState}, gzip-compressed lines of
 * tab-separated fields (a version line, the delta links, one line per user, one per group with its members).
 * Written whole to a temporary file and moved over the old one, so a node killed while writing leaves the old state.
 * Unreadable (damaged, another version): the run is a full read ({@code LNY-750}).
 */
final class SyncStateFile {

    static final String FILE_NAME = "state.gz";
    private static final String VERSION = "lanyard-dirsync-state 1";

    private final Path file;

    SyncStateFile(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    Path path() {
        return file;
    }

    /** The saved state; an empty one when there is none yet. @throws LanyardException {@code LNY-750} */
    SyncState read() {
        SyncState state = new SyncState();
        Map<String, String> ids = SyncState.newInterner();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            if (!VERSION.equals(in.readLine())) {
                throw unreadable("it is not a state of this version");
            }
            String line;
            while ((line = in.readLine()) != null) {
                readLine(state, ids, split(line));
            }
            return state;
        } catch (NoSuchFileException e) {
            return state;
        } catch (IOException | RuntimeException e) {
            if (e instanceof LanyardException known) {
                throw known;
            }
            throw unreadable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static void readLine(SyncState state, Map<String, String> ids, List<String> f) {
        switch (f.get(0)) {
            case "L" -> {
                state.usersDeltaLink = empty(f.get(1));
                state.groupsDeltaLink = empty(f.get(2));
                state.scopeFingerprint = f.get(3);
                state.lastRunStarted = Long.parseLong(f.get(4));
            }
            case "U" -> {
                SyncState.User user = state.user(SyncState.intern(ids, f.get(1)));
                user.displayName = empty(f.get(2));
                user.mail = empty(f.get(3));
                user.userPrincipalName = empty(f.get(4));
                user.onPremisesSamAccountName = empty(f.get(5));
                user.extension = empty(f.get(6));
                user.accountEnabled = "1".equals(f.get(7));
                user.deleted = "1".equals(f.get(8));
                user.username = empty(f.get(9));
                user.goneSince = Long.parseLong(f.get(10));
                user.deactivatedBySync = "1".equals(f.get(11));
            }
            case "G" -> {
                SyncState.Group group = state.group(f.get(1));
                group.displayName = empty(f.get(2));
                for (int i = 3; i < f.size(); i++) {
                    group.members.add(SyncState.intern(ids, f.get(i)));
                }
            }
            case "R" -> state.retry.add(f.get(1));
            default -> throw new IllegalStateException("a line starts with " + f.get(0));
        }
    }

    /** @throws LanyardException {@code LNY-751} */
    void write(SyncState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(new FastGzip(bytes),
                StandardCharsets.UTF_8), 1 << 16)) {
            out.write(VERSION);
            out.write('\n');
            line(out, "L", text(state.usersDeltaLink), text(state.groupsDeltaLink), state.scopeFingerprint,
                    Long.toString(state.lastRunStarted));
            for (SyncState.User u : state.users.values()) {
                line(out, "U", u.id, text(u.displayName), text(u.mail), text(u.userPrincipalName),
                        text(u.onPremisesSamAccountName), text(u.extension), flag(u.accountEnabled), flag(u.deleted),
                        text(u.username), Long.toString(u.goneSince), flag(u.deactivatedBySync));
            }
            for (SyncState.Group g : state.groups.values()) {
                out.write("G\t");
                out.write(escape(g.id));
                out.write('\t');
                out.write(escape(text(g.displayName)));
                for (String member : g.members) {
                    out.write('\t');
                    out.write(escape(member));
                }
                out.write('\n');
            }
            for (String id : state.retry) {
                line(out, "R", id);
            }
        } catch (IOException e) {
            throw new LanyardException(ErrorCode.DIRSYNC_STATE_WRITE_FAILED, "cannot write " + file + ": " + e.getMessage());
        }
        try {
            new AtomicFileWriter(AtomicFileWriter.ATOMIC_MOVE).write(file, null, bytes.toByteArray());
        } catch (LanyardException e) {
            throw new LanyardException(ErrorCode.DIRSYNC_STATE_WRITE_FAILED, e.getMessage(), e);
        }
    }

    /** gzip at its fastest level: the state is rewritten every run, its size matters less than the time. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }

    private static void line(BufferedWriter out, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write('\t');
            }
            out.write(escape(fields[i]));
        }
        out.write('\n');
    }

    /** Tabs, line breaks and backslashes inside a value are escaped, so that a line always has its fields. */
    static String escape(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                field.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String empty(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String flag(boolean value) {
        return value ? "1" : "0";
    }

    private LanyardException unreadable(String why) {
        return new LanyardException(ErrorCode.DIRSYNC_STATE_UNREADABLE, "cannot read " + file + ": " + why);
    }
}
