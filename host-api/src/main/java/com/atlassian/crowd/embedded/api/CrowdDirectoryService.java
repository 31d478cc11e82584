package com.atlassian.crowd.embedded.api;

import java.util.List;

/**
 * Declaration only, the host provides the real interface (embedded-crowd-api 5.1.6; an OSGi service on Jira 11.3 and
 * Confluence 10.2 as well). Only the read methods Lanyard needs are declared. Evidence: docs/host-evidence.md, topic 2.
 */
public interface CrowdDirectoryService {

    /** In the order the product resolves users (its directory order). */
    List<Directory> findAllDirectories();

    Directory findDirectoryById(long directoryId);

    /** {@code null} when there is none. */
    Directory findDirectoryByName(String name);
}
