package io.lanyard.confluence;

import com.atlassian.confluence.event.events.ConfluenceEvent;
import com.atlassian.confluence.event.events.cluster.ClusterEvent;
import com.atlassian.confluence.event.events.cluster.ClusterEventWrapper;
import com.atlassian.event.api.EventListener;
import com.atlassian.event.api.EventPublisher;
import io.lanyard.plugin.cluster.ClusterMessages;
import java.util.function.Consumer;

/**
 * Lanyard's messages as Confluence cluster events (docs/host-evidence.md §4.2): published through the
 * {@link EventPublisher} as a {@link ClusterEvent}, which Confluence sends to the other nodes, where they arrive
 * inside a {@link ClusterEventWrapper}, as Atlassian's troubleshooting plugin does it. The node that publishes hears
 * only the bare event, which this adapter does not listen to.
 */
public final class ConfluenceClusterMessages implements ClusterMessages {

    private final EventPublisher events;
    private volatile Consumer<String> receiver;

    public ConfluenceClusterMessages(EventPublisher events) {
        this.events = events;
    }

    @Override
    public void send(String message) {
        events.publish(new LanyardClusterEvent(this, message));
    }

    @Override
    public void listen(Consumer<String> receiver) {
        this.receiver = receiver;
        events.register(this);
    }

    /** Called by Confluence's event system for every event another node sent. */
    @EventListener
    public void onClusterEvent(ClusterEventWrapper wrapper) {
        Consumer<String> listening = receiver;
        if (listening != null && wrapper.getEvent() instanceof LanyardClusterEvent message) {
            listening.accept(message.message());
        }
    }

    @Override
    public void close() {
        if (receiver != null) {
            events.unregister(this);
        }
    }

    /** Travels serialised to the other nodes: a string only. */
    public static final class LanyardClusterEvent extends ConfluenceEvent implements ClusterEvent {

        private static final long serialVersionUID = 1L;

        private final String message;

        public LanyardClusterEvent(Object source, String message) {
            super(source);
            this.message = message;
        }

        public String message() {
            return message;
        }
    }
}
