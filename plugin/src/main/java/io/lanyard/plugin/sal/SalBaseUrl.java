package io.lanyard.plugin.sal;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import io.lanyard.core.host.BaseUrl;
import java.net.URI;
import java.util.Objects;

/**
 * The canonical base URL an administrator configured, read on every call (it can change while Lanyard runs):
 * redirect URIs must not depend on the host name a request happened to use.
 */
public final class SalBaseUrl implements BaseUrl {

    private final ApplicationProperties applicationProperties;

    public SalBaseUrl(ApplicationProperties applicationProperties) {
        this.applicationProperties = Objects.requireNonNull(applicationProperties, "applicationProperties");
    }

    @Override
    public URI baseUrl() {
        String url = applicationProperties.getBaseUrl(UrlMode.CANONICAL);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("the application has no base URL configured");
        }
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return URI.create(trimmed);
    }
}
