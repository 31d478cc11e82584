package com.atlassian.jira.cluster;

/**
 * Declaration only, the host provides the real interface (Jira, {@code @ExperimentalSpi}, since 6.3). Evidence:
 * docs/host-evidence.md, topic 4.
 */
public interface ClusterMessageConsumer {

    void receive(String channel, String message, String senderId);
}
