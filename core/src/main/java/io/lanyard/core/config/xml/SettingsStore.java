package io.lanyard.core.config.xml;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.LanyardSettings;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.AtomicFileWriter;
import io.lanyard.core.files.FileFingerprint;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code settings.xml} in Lanyard's folder of the shared home, under the same rules as the integration files (secure
 * parsing, atomic replacement with {@code settings.xml.bak}, owner-only permissions, saves serialized across the
 * cluster's nodes with every other file of the folder). No file means the defaults. Thread-safe.
 */
public final class SettingsStore {

    private final ConfigFile file;

    public SettingsStore(Path lanyardDirectory) {
        this(lanyardDirectory, AtomicFileWriter.ATOMIC_MOVE);
    }

    /** For tests: {@code replacer} stands in for the atomic rename, e.g. to make it fail. */
    SettingsStore(Path lanyardDirectory, AtomicFileWriter.Replacer replacer) {
        this.file = new ConfigFile(Objects.requireNonNull(lanyardDirectory, "lanyardDirectory"), SettingsXml.FILE_NAME,
                replacer);
    }

    public Path file() {
        return file.path();
    }

    public boolean exists() {
        return file.exists();
    }

    /**
     * The settings of the file, or the defaults when there is none.
     *
     * @throws ConfigurationException {@code CONFIG_INVALID} listing every error of the file
     * @throws LanyardException {@code CONFIG_UNREADABLE}
     */
    public LanyardSettings load() {
        return exists() ? SettingsXml.read(file.path()) : LanyardSettings.defaults();
    }

    /**
     * Replaces the file atomically, keeping the previous one as {@code settings.xml.bak}.
     *
     * @throws LanyardException {@code CONFIG_WRITE_FAILED} or {@code CONFIG_LOCK_UNAVAILABLE}; the file is then as it was
     */
    public void save(LanyardSettings settings) {
        file.replace(SettingsXml.write(settings));
    }

    /** What one {@code stat} says of the file now; empty without a file (unreadable metadata counts as a change). */
    public Optional<FileFingerprint> fingerprint() {
        try {
            return FileFingerprint.of(file.path());
        } catch (IOException e) {
            return Optional.of(new FileFingerprint(-1, FileTime.fromMillis(0), e.toString()));
        }
    }

    /** The text of a file Lanyard would write for {@code settings}: for tests and the documentation's example. */
    public static String render(LanyardSettings settings) {
        return new String(SettingsXml.write(settings), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SettingsStore[" + file.path() + "]";
    }

}
