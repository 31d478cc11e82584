package io.lanyard.core.config.change;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.LanyardSettings;
import io.lanyard.core.config.xml.SettingsStore;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.DirectoryLock;
import io.lanyard.core.files.FileFingerprint;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lanyard's settings in force ({@code settings.xml}), kept in step with the file the cluster's nodes share, and the one
 * way to change them: under the folder's lock across the nodes, applied to what the file holds now, validated whole,
 * written atomically and then made current. A file that cannot be used (at start, or changed by hand) is logged with
 * its code and every error, and the settings in force stay as they were (the defaults, at start): a bad file never
 * stops the product or locks anyone out. Thread-safe.
 */
public final class SettingsService {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsService.class);

    private final Optional<SettingsStore> store;
    private final AtomicReference<LanyardSettings> current = new AtomicReference<>(LanyardSettings.defaults());
    private final ReentrantLock stateLock = new ReentrantLock();
    private volatile Optional<FileFingerprint> known = Optional.empty();

    /** @param lanyardDirectory Lanyard's folder; empty when the application reports no home (then the defaults hold) */
    public SettingsService(Optional<Path> lanyardDirectory) {
        this.store = Objects.requireNonNull(lanyardDirectory, "lanyardDirectory").map(SettingsStore::new);
        store.ifPresent(this::catchUp);
    }

    /** The settings as last read; never looks at the file (for requests that must not). */
    public LanyardSettings current() {
        return current.get();
    }

    /** The settings after picking up a change another node (or an editor) stored since: one look at the file's metadata. */
    public LanyardSettings refreshed() {
        store.ifPresent(file -> {
            if (!file.fingerprint().equals(known)) {
                stateLock.lock();
                try {
                    catchUp(file);
                } finally {
                    stateLock.unlock();
                }
            }
        });
        return current.get();
    }

    /** Where the file is; empty without a home. */
    public Optional<Path> file() {
        return store.map(SettingsStore::file);
    }

    /**
     * Applies {@code change} to the settings as the file holds them now, stores the result and makes it current. The
     * function builds through {@link LanyardSettings#toBuilder()} and may throw to refuse the change.
     *
     * @throws ConfigurationException when the result is invalid; nothing changed
     * @throws LanyardException {@code CONFIG_WRITE_FAILED}, {@code CONFIG_LOCK_UNAVAILABLE}, or {@code CONFIG_UNREADABLE}
     *         without a home; nothing changed
     */
    public LanyardSettings change(UnaryOperator<LanyardSettings> change) {
        SettingsStore file = store.orElseThrow(() -> new LanyardException(ErrorCode.CONFIG_UNREADABLE,
                "the application reports no home folder: there is nowhere to store settings"));
        DirectoryLock.Held acrossNodes = DirectoryLock.of(file.file().getParent()).acquire();
        try {
            stateLock.lock();
            try {
                catchUp(file);
                LanyardSettings next = Objects.requireNonNull(change.apply(current.get()), "next settings");
                file.save(next);
                current.set(next);
                known = file.fingerprint();
                return next;
            } finally {
                stateLock.unlock();
            }
        } finally {
            acrossNodes.close();
        }
    }

    // at construction, or under stateLock
    private void catchUp(SettingsStore file) {
        Optional<FileFingerprint> now = file.fingerprint();
        if (now.equals(known) && now.isPresent()) {
            return;
        }
        try {
            LanyardSettings read = file.load();
            if (!read.equals(current.get())) {
                LOG.info("{} {}", file.exists() ? "Read the settings of" : "No settings file yet, the defaults apply:",
                        file.file());
            }
            current.set(read);
        } catch (ConfigurationException e) {
            LOG.error("{} {} was refused with {} error(s); the settings in force stay as they were until it is "
                    + "corrected", e.errorCode().code(), file.file(), e.fieldErrors().size());
            for (FieldError error : e.fieldErrors()) {
                LOG.error("{} {}", e.errorCode().code(), error);
            }
        } catch (LanyardException e) {
            LOG.error("{} {}; the settings in force stay as they were", e.errorCode().code(), e.getMessage());
        }
        known = now;
    }
}
