package com.atlassian.jira.cluster;

/**
 * Declaration only, the host provides the real interface (Jira, {@code @ExperimentalApi}, since 6.3; imported with
 * {@code @ComponentImport} by third-party Jira plugins). Listeners are weakly referenced: keep a strong reference.
 * UNCONFIRMED on Jira 10 and 11. Evidence: docs/host-evidence.md, topic 4.
 */
public interface ClusterMessagingService {

    void registerListener(String channel, ClusterMessageConsumer consumer);

    void unregisterListener(String channel, ClusterMessageConsumer consumer);

    void unregisterListener(ClusterMessageConsumer consumer);

    /** To the other nodes only; channel up to 20 alphanumeric characters, message up to 200 characters. */
    void sendRemote(String channel, String message);
}
