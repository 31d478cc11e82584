package com.atlassian.beehive;

/**
 * Declaration only, the host provides the real interface (beehive-api 5.0.1, {@code @PublicApi}; an OSGi service in
 * all four products, Jira 11.3 and Confluence 10.2 included). Evidence: docs/host-evidence.md, topic 4.
 */
public interface ClusterLockService {

    /** The same lock on every node for the same name; use {@code tryLock} with a timeout, never an unbounded wait. */
    ClusterLock getLockForName(String lockName);
}
