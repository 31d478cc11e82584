package com.atlassian.crowd.service.cluster;

/**
 * Declaration only, the host provides the real interface (crowd-server-api 5.1.6, {@code @ExperimentalApi});
 * Bamboo 10 implements it ({@code BambooCrowdClusterMessageService}). UNCONFIRMED that any product exports it to
 * plugins. Evidence: docs/host-evidence.md, topic 4.
 */
public interface ClusterMessageService {

    void registerListener(ClusterMessageListener listener, String channel);

    void unregisterListener(ClusterMessageListener listener, String channel);

    void unregisterListener(ClusterMessageListener listener);

    void publish(String channel, String message);
}
