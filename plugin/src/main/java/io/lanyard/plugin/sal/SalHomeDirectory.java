package io.lanyard.plugin.sal;

import com.atlassian.sal.api.ApplicationProperties;
import io.lanyard.core.host.HomeDirectory;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code <shared home>/lanyard} on a cluster (every node reads the same {@code provider.xml}), otherwise
 * {@code <local home>/lanyard}.
 */
public final class SalHomeDirectory implements HomeDirectory {

    static final String FOLDER = "lanyard";

    private final ApplicationProperties applicationProperties;

    public SalHomeDirectory(ApplicationProperties applicationProperties) {
        this.applicationProperties = Objects.requireNonNull(applicationProperties, "applicationProperties");
    }

    @Override
    public Path lanyardDirectory() {
        Path home = applicationProperties.getSharedHomeDirectory()
                .or(applicationProperties::getLocalHomeDirectory)
                .orElseThrow(() -> new IllegalStateException("the application reports neither a shared nor a local home"));
        return home.resolve(FOLDER);
    }
}
