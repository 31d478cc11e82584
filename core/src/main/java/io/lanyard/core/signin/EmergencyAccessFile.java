package io.lanyard.core.signin;

import io.lanyard.core.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way in for when nobody can reach the admin pages (the provider is down and password logins are limited or off):
 * a file {@value #FILE_NAME} in Lanyard's folder of the shared home opens the product's password form to everyone for
 * the minutes it holds (1 to 1440; empty: {@value #DEFAULT_MINUTES}), counted from the file's modification time, on
 * every node. Deleting it closes the form again; so does the time running out, even if the file stays. What cannot be
 * read as minutes still opens for the default time (a rescue must not fail on a typo), with a warning.
 *
 * <p>Read only when a password login or the emergency page asks, never on other requests: one {@code stat}, and the
 * few bytes of the file when it changed. Thread-safe.
 */
public final class EmergencyAccessFile {

    public static final String FILE_NAME = "emergency-access-open";
    public static final int DEFAULT_MINUTES = 60;
    public static final int MAX_MINUTES = 24 * 60;
    private static final Logger LOG = LoggerFactory.getLogger(EmergencyAccessFile.class);

    private final Optional<Path> file;
    private final AtomicReference<Seen> seen = new AtomicReference<>();

    /** @param lanyardDirectory Lanyard's folder; empty: there is no such file */
    public EmergencyAccessFile(Optional<Path> lanyardDirectory) {
        this.file = Objects.requireNonNull(lanyardDirectory, "lanyardDirectory").map(d -> d.resolve(FILE_NAME));
    }

    /** Until when the file opens password logins to everyone, if it exists (possibly in the past). */
    public Optional<Instant> openUntil() {
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            Instant modified = Files.getLastModifiedTime(file.get()).toInstant();
            Seen last = seen.get();
            if (last != null && last.modified.equals(modified)) {
                return Optional.of(last.until);
            }
            Instant until = modified.plus(Duration.ofMinutes(minutes(file.get())));
            seen.set(new Seen(modified, until));
            LOG.warn("{} in Lanyard's folder opens the application's password login to everyone until {} (delete it to "
                    + "close it again)", file.get(), until);
            return Optional.of(until);
        } catch (NoSuchFileException e) {
            seen.set(null);
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("{} {} cannot be read ({}); it does not open anything", ErrorCode.EMERGENCY_FILE_INVALID.code(),
                    file.get(), e.toString());
            return Optional.empty();
        }
    }

    /** Where the file goes, for the admin page and the pages that tell administrators how to open access. */
    public Optional<Path> path() {
        return file;
    }

    private static int minutes(Path file) throws IOException {
        byte[] bytes;
        try (var in = Files.newInputStream(file)) {
            bytes = in.readNBytes(64);
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return DEFAULT_MINUTES;
        }
        try {
            int minutes = Integer.parseInt(text);
            if (minutes >= 1 && minutes <= MAX_MINUTES) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn("{} {} should hold a number of minutes from 1 to {}; it opens access for {} minutes",
                ErrorCode.EMERGENCY_FILE_INVALID.code(), file, MAX_MINUTES, DEFAULT_MINUTES);
        return DEFAULT_MINUTES;
    }

    private record Seen(Instant modified, Instant until) {
    }
}
