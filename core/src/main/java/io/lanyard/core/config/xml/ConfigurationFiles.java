package io.lanyard.core.config.xml;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.files.DirectoryLock;
import io.lanyard.core.files.FileFingerprint;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lanyard's configuration files in its folder of the shared home, one per {@link IntegrationKind}
 * ({@code provider.xml}, {@code connector.xml}), saved together: only the files whose kind changed are written, and
 * when a later file cannot be written, the ones written before it are put back as they were, so the files never
 * disagree with the running configuration. Every node of a cluster shares them: {@link #lock()} serializes changes
 * across the nodes, {@link #fingerprint()} tells cheaply whether another node changed a file, and
 * {@link #withChangedFiles} reads just those. Thread-safe.
 */
public final class ConfigurationFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationFiles.class);

    private final Path lanyardDirectory;
    private final DirectoryLock lock;

    public ConfigurationFiles(Path lanyardDirectory) {
        this.lanyardDirectory = Objects.requireNonNull(lanyardDirectory, "lanyardDirectory");
        this.lock = DirectoryLock.of(lanyardDirectory);
    }

    public <C extends Integration> IntegrationXmlStore<C> store(IntegrationKind<C> kind) {
        return IntegrationXmlStore.of(kind, lanyardDirectory);
    }

    /**
     * The lock every node takes before it reads, changes and writes the files (see {@link DirectoryLock}).
     *
     * @throws LanyardException {@code CONFIG_LOCK_UNAVAILABLE} when it is not free within the bound
     */
    public DirectoryLock.Held lock() {
        return lock.acquire();
    }

    /**
     * The files as their metadata describes them now: one {@code stat} per kind, no read. Equal fingerprints mean
     * unchanged files (every write replaces a file by a rename, see {@link FileFingerprint}).
     */
    public Fingerprint fingerprint() {
        Map<IntegrationKind<?>, Optional<FileFingerprint>> files = new LinkedHashMap<>();
        for (IntegrationKind<?> kind : IntegrationKind.ALL) {
            Path file = store(kind).file();
            try {
                files.put(kind, FileFingerprint.of(file));
            } catch (IOException e) {
                // Unreadable metadata is a change: reading the file will say what is wrong.
                files.put(kind, Optional.of(new FileFingerprint(-1, FileTime.fromMillis(0), e.toString())));
            }
        }
        return new Fingerprint(files);
    }

    /** Each kind's file as {@link #fingerprint()} saw it; empty for a kind without a file. */
    public record Fingerprint(Map<IntegrationKind<?>, Optional<FileFingerprint>> files) {

        public Fingerprint {
            files = Map.copyOf(files);
        }
    }

    /**
     * {@code configuration} with the integrations of each kind whose file differs between {@code before} and
     * {@code now}, read again; a file that cannot be used leaves its kind as it was (see {@link #withFileOf}).
     */
    public LanyardConfiguration withChangedFiles(LanyardConfiguration configuration, Fingerprint before,
            Fingerprint now) {
        LanyardConfiguration result = configuration;
        for (IntegrationKind<?> kind : IntegrationKind.ALL) {
            if (!Objects.equals(before.files().get(kind), now.files().get(kind))) {
                result = withFileOf(result, store(kind));
            }
        }
        return result;
    }

    /**
     * {@code configuration} with the integrations of {@code store}'s file: none when there is no file; unchanged, and
     * logged with its code and every error, when the file is unreadable or invalid, so that a bad file never stops the
     * product nor takes away what works (the product's own login stays in place). At start and whenever another node
     * changed the file.
     */
    public static <C extends Integration> LanyardConfiguration withFileOf(LanyardConfiguration configuration,
            IntegrationXmlStore<C> store) {
        IntegrationKind<C> kind = store.kind();
        if (!store.exists()) {
            if (kind == IntegrationKind.IDENTITY_PROVIDER) {
                LOG.info("No {} yet: single sign-on is off until an identity provider is configured", store.file());
            }
            return configuration.with(kind, List.of());
        }
        try {
            List<C> loaded = store.load();
            LOG.info("Loaded {} ({} {}(s){})", store.file(), loaded.size(), kind.label(),
                    kind == IntegrationKind.IDENTITY_PROVIDER ? ", " + enabledCount(loaded) + " enabled" : "");
            return configuration.with(kind, loaded);
        } catch (ConfigurationException e) {
            LOG.error("{} {} was refused with {} error(s); {} until it is corrected{}", e.errorCode().code(),
                    store.file(), e.fieldErrors().size(), whatIsOff(kind, configuration), ownLoginStays(kind));
            for (FieldError error : e.fieldErrors()) {
                LOG.error("{} {}", e.errorCode().code(), error);
            }
        } catch (LanyardException e) {
            LOG.error("{} {}; {}{}", e.errorCode().code(), e.getMessage(), whatIsOff(kind, configuration),
                    ownLoginStays(kind));
        } catch (RuntimeException e) {
            // Starting the product matters more than our configuration: anything unforeseen is logged, never thrown.
            LOG.error("{} Unexpected failure reading {}; {}", ErrorCode.INTERNAL_ERROR.code(), store.file(),
                    whatIsOff(kind, configuration), e);
        }
        return configuration;
    }

    private static long enabledCount(List<? extends Integration> loaded) {
        return loaded.stream().filter(Integration::enabled).count();
    }

    /** Without identity providers there is no single sign-on; with some already running, they stay as they were. */
    private static String whatIsOff(IntegrationKind<?> kind, LanyardConfiguration configuration) {
        if (!configuration.all(kind).isEmpty()) {
            return "the " + kind.label() + "s read before stay in use";
        }
        return kind == IntegrationKind.IDENTITY_PROVIDER ? "single sign-on is off" : kind.label() + "s are off";
    }

    private static String ownLoginStays(IntegrationKind<?> kind) {
        return kind == IntegrationKind.IDENTITY_PROVIDER ? ", the application's own login stays in place" : "";
    }

    /**
     * Writes the file of every kind whose integrations differ between {@code current} and {@code next}.
     *
     * @throws LanyardException {@code CONFIG_WRITE_FAILED}; the files are then as they were
     */
    public void save(LanyardConfiguration current, LanyardConfiguration next) {
        List<IntegrationKind<?>> changed = new ArrayList<>();
        for (IntegrationKind<?> kind : IntegrationKind.ALL) {
            if (!next.all(kind).equals(current.all(kind))) {
                changed.add(kind);
            }
        }
        Deque<Written> written = new ArrayDeque<>();
        for (int i = 0; i < changed.size(); i++) {
            IntegrationXmlStore<?> store = store(changed.get(i));
            // What to put back is read only when a later file could fail after this one was written.
            Optional<byte[]> before = i < changed.size() - 1 ? store.currentContent() : Optional.empty();
            try {
                saveKind(store, next);
            } catch (RuntimeException e) {
                written.forEach(earlier -> restore(earlier, store, e));
                throw e;
            }
            written.push(new Written(store, before, changed.get(i)));
        }
    }

    private static <C extends Integration> void saveKind(IntegrationXmlStore<C> store, LanyardConfiguration next) {
        store.save(next.all(store.kind()));
    }

    private record Written(IntegrationXmlStore<?> store, Optional<byte[]> before, IntegrationKind<?> kind) {
    }

    private static void restore(Written earlier, IntegrationXmlStore<?> failed, RuntimeException cause) {
        try {
            earlier.store().restore(earlier.before());
        } catch (LanyardException restoreFailure) {
            cause.addSuppressed(restoreFailure);
            // Cannot be made right from here: say exactly what is where, for the administrator.
            LOG.error("{} holds the new {}s but {} could not be written, and {} could not be put back ({}); the "
                    + "running configuration is unchanged. Restore {} from {} before the next restart.",
                    earlier.store().file(), earlier.kind().label(), failed.file(), earlier.store().file(),
                    restoreFailure.getMessage(), earlier.store().file(), earlier.store().backupFileName());
        }
    }

    @Override
    public String toString() {
        return "ConfigurationFiles[" + lanyardDirectory + "]";
    }
}
