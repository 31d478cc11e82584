package com.atlassian.cache;

/**
 * Declaration only, the host provides the real interface (atlassian-cache-api 6.0.2, {@code @Internal} there): the
 * OSGi service Atlassian's own SSO plugin and BSI import (Confluence 10.2). Only the factory methods are used.
 * Evidence: docs/host-evidence.md, topic 4.
 */
public interface CacheManager extends CacheFactory {
}
