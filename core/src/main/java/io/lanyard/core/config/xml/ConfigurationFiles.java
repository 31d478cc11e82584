package io.lanyard.core.config.xml;

import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.LanyardException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lanyard's configuration files in its folder of the shared home, one per {@link IntegrationKind}
 * ({@code provider.xml}, {@code connector.xml}), saved together: only the files whose kind changed are written, and
 * when a later file cannot be written, the ones written before it are put back as they were, so the files never
 * disagree with the running configuration. Thread-safe.
 */
public final class ConfigurationFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationFiles.class);

    private final Path lanyardDirectory;

    public ConfigurationFiles(Path lanyardDirectory) {
        this.lanyardDirectory = Objects.requireNonNull(lanyardDirectory, "lanyardDirectory");
    }

    public <C extends Integration> IntegrationXmlStore<C> store(IntegrationKind<C> kind) {
        return IntegrationXmlStore.of(kind, lanyardDirectory);
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
