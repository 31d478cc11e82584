package com.atlassian.confluence.event.events.cluster;

/**
 * Declaration only, the host provides the real type: the marker of a {@code ConfluenceEvent} that Confluence also
 * sends to the other nodes of its cluster, where it arrives inside a {@link ClusterEventWrapper} (DEC
 * {@code confluence-8.7.2/com/atlassian/confluence/event/events/cluster/ClusterEvent.java}; used so by
 * {@code com.atlassian.troubleshooting.plugin-confluence-1.52.1 ConfluenceClusterMessagingProvider}; CONFIRMED 8.7,
 * UNCONFIRMED 9/10).
 */
public interface ClusterEvent {
}
