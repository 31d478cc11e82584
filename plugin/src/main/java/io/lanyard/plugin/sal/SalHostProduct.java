package io.lanyard.plugin.sal;

import com.atlassian.sal.api.ApplicationProperties;
import io.lanyard.core.host.HostProduct;
import java.util.Objects;

/** The product and its version as SAL reports them, read when asked. */
public final class SalHostProduct implements HostProduct {

    private final ApplicationProperties applicationProperties;

    public SalHostProduct(ApplicationProperties applicationProperties) {
        this.applicationProperties = Objects.requireNonNull(applicationProperties, "applicationProperties");
    }

    @Override
    public String platformId() {
        return applicationProperties.getPlatformId();
    }

    @Override
    public String version() {
        return applicationProperties.getVersion();
    }

    @Override
    public String toString() {
        return platformId() + " " + version();
    }
}
