package io.lanyard.core.bearer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way back for an administrator whose script is locked out by the refusal of Basic authentication and who cannot
 * reach the admin pages: an empty file {@value #FILE_NAME} in Lanyard's folder switches the refusal off on every node
 * at once, whatever {@code settings.xml} says, until it is deleted. Read on every request with Basic authentication
 * while the refusal is on (one {@code stat}, no restart); never on other requests. Thread-safe.
 */
public final class BasicAuthOffFile {

    public static final String FILE_NAME = "basic-auth.off";
    private static final Logger LOG = LoggerFactory.getLogger(BasicAuthOffFile.class);

    private final Optional<Path> file;
    private final AtomicBoolean lastSeen = new AtomicBoolean();

    /** @param lanyardDirectory Lanyard's folder; empty: there is no such file */
    public BasicAuthOffFile(Optional<Path> lanyardDirectory) {
        this.file = Objects.requireNonNull(lanyardDirectory, "lanyardDirectory").map(d -> d.resolve(FILE_NAME));
    }

    /** Whether the file exists now; a change is logged once. */
    public boolean switchesOff() {
        boolean present = file.isPresent() && Files.exists(file.get());
        if (lastSeen.compareAndSet(!present, present)) {
            if (present) {
                LOG.warn("{} exists: Basic authentication is allowed for every account, whatever settings.xml says "
                        + "(delete the file to refuse it again)", file.get());
            } else {
                LOG.info("{} is gone: Basic authentication is refused again as settings.xml says", file.get());
            }
        }
        return present;
    }

    /** Where the file goes, for the admin page and the README's command. */
    public Optional<Path> path() {
        return file;
    }
}
