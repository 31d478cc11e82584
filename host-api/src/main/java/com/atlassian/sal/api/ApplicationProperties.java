package com.atlassian.sal.api;

import java.nio.file.Path;
import java.util.Optional;

/** Declaration only, the host provides the real interface. */
public interface ApplicationProperties {

    String getBaseUrl(UrlMode urlMode);

    /** {@code "jira"}, {@code "conf"}, {@code "bitbucket"} or {@code "bamboo"}. */
    String getPlatformId();

    String getVersion();

    Optional<Path> getLocalHomeDirectory();

    Optional<Path> getSharedHomeDirectory();
}
