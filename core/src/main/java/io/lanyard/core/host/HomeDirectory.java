package io.lanyard.core.host;

import java.nio.file.Path;

/** Port: where Lanyard keeps its files (a {@code lanyard} folder in the host's shared home). */
@FunctionalInterface
public interface HomeDirectory {

    /** The folder holding {@code provider.xml}; created by the caller if missing. */
    Path lanyardDirectory();
}
