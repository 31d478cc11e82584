package io.lanyard.bamboo;

import com.atlassian.crowd.service.cluster.ClusterMessageListener;
import com.atlassian.crowd.service.cluster.ClusterMessageService;
import io.lanyard.plugin.cluster.ClusterMessages;
import java.util.function.Consumer;

/**
 * Lanyard's messages over the Crowd {@link ClusterMessageService} Bamboo implements
 * ({@code BambooCrowdClusterMessageService}, docs/host-evidence.md §4.2), channel {@value ClusterMessages#CHANNEL}.
 * Its publication as an OSGi service is UNCONFIRMED: without it Lanyard keeps to this node (one warning).
 */
public final class BambooClusterMessages implements ClusterMessages {

    private final ClusterMessageService messaging;
    private volatile ClusterMessageListener listener;

    public BambooClusterMessages(ClusterMessageService messaging) {
        this.messaging = messaging;
    }

    @Override
    public void send(String message) {
        messaging.publish(CHANNEL, message);
    }

    @Override
    public void listen(Consumer<String> receiver) {
        ClusterMessageListener listening = (channel, message) -> receiver.accept(message);
        messaging.registerListener(listening, CHANNEL);
        listener = listening;
    }

    @Override
    public void close() {
        ClusterMessageListener listening = listener;
        if (listening != null) {
            messaging.unregisterListener(listening, CHANNEL);
        }
    }
}
