package io.lanyard.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.confluence.event.events.cluster.ClusterEvent;
import com.atlassian.confluence.event.events.cluster.ClusterEventWrapper;
import com.atlassian.event.Event;
import com.atlassian.event.api.EventPublisher;
import io.lanyard.plugin.cluster.HostClusterState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two Confluence nodes over one fake event system: a {@link ClusterEvent} published on one node reaches the local
 * listeners bare and the other nodes' listeners, serialised and back, inside a {@link ClusterEventWrapper}.
 */
class ConfluenceClusterMessagesTest {

    private static final String KEY = "Xl1cK8c4m0Lh3QmZ0m4s1nE7d6y5t9uU0pQ2rS3tV4w";

    private static final class FakeConfluenceCluster {
        final List<Node> nodes = new CopyOnWriteArrayList<>();

        Node node() {
            Node node = new Node();
            nodes.add(node);
            return node;
        }

        final class Node implements EventPublisher {
            final List<ConfluenceClusterMessages> listeners = new CopyOnWriteArrayList<>();

            @Override
            public void publish(Object event) {
                // Local listeners see the bare event: Lanyard listens to wrappers only.
                if (event instanceof ClusterEvent) {
                    Event copy = (Event) overTheWire(event);
                    nodes.stream().filter(node -> node != this).forEach(node -> node.listeners
                            .forEach(listener -> listener.onClusterEvent(new ClusterEventWrapper(this, copy))));
                }
            }

            @Override
            public void register(Object listener) {
                listeners.add((ConfluenceClusterMessages) listener);
            }

            @Override
            public void unregister(Object listener) {
                listeners.remove(listener);
            }

            @Override
            public void unregisterAll() {
                listeners.clear();
            }
        }

        private static Object overTheWire(Object event) {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                    out.writeObject(event);
                }
                try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                    return in.readObject();
                }
            } catch (IOException | ClassNotFoundException e) {
                throw new AssertionError("the event does not travel: " + e, e);
            }
        }
    }

    private final FakeConfluenceCluster confluence = new FakeConfluenceCluster();

    private HostClusterState node(EventPublisher events) {
        return new HostClusterState("Confluence", null, null, new ConfluenceClusterMessages(events), false);
    }

    @Test
    void aConfigurationChangeOnOneNodeReachesTheOtherAndNotItself() {
        HostClusterState a = node(confluence.node());
        HostClusterState b = node(confluence.node());
        AtomicInteger onA = new AtomicInteger();
        AtomicInteger onB = new AtomicInteger();
        a.onConfigurationChange(onA::incrementAndGet);
        b.onConfigurationChange(onB::incrementAndGet);

        a.configurationChanged();

        assertThat(onB).hasValue(1);
        assertThat(onA).hasValue(0);
    }

    @Test
    void aRevocationOnOneNodeEndsTheSessionsOnTheOther() {
        HostClusterState a = node(confluence.node());
        HostClusterState b = node(confluence.node());
        List<String> onB = new CopyOnWriteArrayList<>();
        b.onRevocation((key, revokedAt, keepUntil) -> onB.add(key));
        Instant now = Instant.parse("2026-12-06T00:00:00Z");

        a.revoke(KEY, now, now.plusSeconds(3600));

        assertThat(onB).containsExactly(KEY);
    }

    @Test
    void otherPluginsClusterEventsAreIgnored() {
        ConfluenceClusterMessages messages = new ConfluenceClusterMessages(confluence.node());
        List<String> heard = new CopyOnWriteArrayList<>();
        messages.listen(heard::add);
        messages.onClusterEvent(new ClusterEventWrapper(this, new ClusterEventWrapper(this, null)));
        assertThat(heard).isEmpty();
        messages.close();
        assertThat(confluence.nodes.get(0).listeners).isEmpty();
    }
}
