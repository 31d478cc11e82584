package io.lanyard.bamboo;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.crowd.service.cluster.ClusterMessageListener;
import com.atlassian.crowd.service.cluster.ClusterMessageService;
import io.lanyard.plugin.cluster.HostClusterState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two Bamboo nodes over one fake of the Crowd cluster messages Bamboo implements. */
class BambooClusterMessagesTest {

    private static final String KEY = "Xl1cK8c4m0Lh3QmZ0m4s1nE7d6y5t9uU0pQ2rS3tV4w";

    /** Delivers to the listeners of the channel on the other nodes. */
    private static final class FakeBambooCluster {
        final List<Node> nodes = new CopyOnWriteArrayList<>();

        Node node() {
            Node node = new Node();
            nodes.add(node);
            return node;
        }

        final class Node implements ClusterMessageService {
            final Map<ClusterMessageListener, String> listeners = new ConcurrentHashMap<>();

            @Override
            public void registerListener(ClusterMessageListener listener, String channel) {
                listeners.put(listener, channel);
            }

            @Override
            public void unregisterListener(ClusterMessageListener listener, String channel) {
                listeners.remove(listener, channel);
            }

            @Override
            public void unregisterListener(ClusterMessageListener listener) {
                listeners.remove(listener);
            }

            @Override
            public void publish(String channel, String message) {
                nodes.stream().filter(node -> node != this).forEach(node -> node.listeners.forEach(
                        (listener, listening) -> {
                            if (listening.equals(channel)) {
                                listener.handleMessage(channel, message);
                            }
                        }));
            }
        }
    }

    private final FakeBambooCluster bamboo = new FakeBambooCluster();

    private HostClusterState node(ClusterMessageService messaging) {
        return new HostClusterState("Bamboo", null, null, new BambooClusterMessages(messaging), true);
    }

    @Test
    void aConfigurationChangeOnOneNodeReachesTheOtherAndNotItself() {
        HostClusterState a = node(bamboo.node());
        HostClusterState b = node(bamboo.node());
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
        HostClusterState a = node(bamboo.node());
        HostClusterState b = node(bamboo.node());
        List<String> onB = new CopyOnWriteArrayList<>();
        b.onRevocation((key, revokedAt, keepUntil) -> onB.add(key));
        Instant now = Instant.parse("2026-12-06T00:00:00Z");

        a.revoke(KEY, now, now.plusSeconds(3600));

        assertThat(onB).containsExactly(KEY);
    }

    @Test
    void withoutTheServiceTheNodeKeepsToItselfAndNothingFails() {
        ClusterMessageService missing = (ClusterMessageService) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ClusterMessageService.class}, (proxy, method, args) -> {
                    throw new NoClassDefFoundError("com/atlassian/crowd/service/cluster/ClusterMessageService");
                });
        HostClusterState lone = node(missing);
        lone.configurationChanged();
        lone.revoke(KEY, Instant.now(), Instant.now().plusSeconds(60));
        assertThat(lone.firstUse("states", "s", Instant.now().plusSeconds(60))).isTrue();
        lone.close();
    }
}
