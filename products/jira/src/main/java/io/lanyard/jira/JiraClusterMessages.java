package io.lanyard.jira;

import com.atlassian.jira.cluster.ClusterMessageConsumer;
import com.atlassian.jira.cluster.ClusterMessagingService;
import io.lanyard.plugin.cluster.ClusterMessages;
import java.util.function.Consumer;

/**
 * Lanyard's messages over Jira's {@link ClusterMessagingService} (docs/host-evidence.md §4.2): channel
 * {@value ClusterMessages#CHANNEL}, messages of at most 200 characters, sent to the other nodes only. Jira holds its
 * listeners weakly, so this adapter (a Spring bean for the plugin's life) keeps the consumer.
 */
public final class JiraClusterMessages implements ClusterMessages {

    private final ClusterMessagingService messaging;
    private volatile ClusterMessageConsumer consumer;

    public JiraClusterMessages(ClusterMessagingService messaging) {
        this.messaging = messaging;
    }

    @Override
    public void send(String message) {
        messaging.sendRemote(CHANNEL, message);
    }

    @Override
    public void listen(Consumer<String> receiver) {
        ClusterMessageConsumer listening = (channel, message, senderId) -> receiver.accept(message);
        messaging.registerListener(CHANNEL, listening);
        consumer = listening;
    }

    @Override
    public void close() {
        ClusterMessageConsumer listening = consumer;
        if (listening != null) {
            messaging.unregisterListener(CHANNEL, listening);
        }
    }
}
