package io.lanyard.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.jira.cluster.ClusterMessageConsumer;
import com.atlassian.jira.cluster.ClusterMessagingService;
import io.lanyard.plugin.cluster.HostClusterState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two Jira nodes over one fake of Jira's cluster messaging: what one node says reaches the other, not itself. */
class JiraClusterMessagesTest {

    private static final String KEY = "Xl1cK8c4m0Lh3QmZ0m4s1nE7d6y5t9uU0pQ2rS3tV4w";

    /** As Jira's: a channel of at most 20 letters and digits, messages of at most 200 characters, to other nodes. */
    private static final class FakeJiraCluster {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<Node> nodes = new CopyOnWriteArrayList<>();

        Node node() {
            Node node = new Node();
            nodes.add(node);
            return node;
        }

        final class Node implements ClusterMessagingService {
            final Map<ClusterMessageConsumer, String> consumers = new ConcurrentHashMap<>();

            @Override
            public void registerListener(String channel, ClusterMessageConsumer consumer) {
                consumers.put(consumer, channel);
            }

            @Override
            public void unregisterListener(String channel, ClusterMessageConsumer consumer) {
                consumers.remove(consumer, channel);
            }

            @Override
            public void unregisterListener(ClusterMessageConsumer consumer) {
                consumers.remove(consumer);
            }

            @Override
            public void sendRemote(String channel, String message) {
                assertThat(channel).matches("[A-Za-z0-9]{1,20}");
                assertThat(message).hasSizeLessThanOrEqualTo(200);
                sent.add(message);
                nodes.stream().filter(node -> node != this).forEach(node -> node.consumers.forEach(
                        (consumer, listening) -> {
                            if (listening.equals(channel)) {
                                consumer.receive(channel, message, "node-" + nodes.indexOf(this));
                            }
                        }));
            }
        }
    }

    private final FakeJiraCluster jira = new FakeJiraCluster();

    private HostClusterState node(ClusterMessagingService messaging) {
        return new HostClusterState("Jira", null, null, new JiraClusterMessages(messaging), true);
    }

    @Test
    void aConfigurationChangeOnOneNodeReachesTheOtherAndNotItself() {
        HostClusterState a = node(jira.node());
        HostClusterState b = node(jira.node());
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
        HostClusterState a = node(jira.node());
        HostClusterState b = node(jira.node());
        Map<String, Instant> onB = new ConcurrentHashMap<>();
        b.onRevocation((key, revokedAt, keepUntil) -> onB.put(key, revokedAt));
        Instant now = Instant.parse("2026-12-06T00:00:00Z");

        a.revoke(KEY, now, now.plusSeconds(30 * 86400));

        assertThat(onB).containsEntry(KEY, now);
        assertThat(jira.sent).hasSize(1);
    }

    @Test
    void closingUnregistersTheListener() {
        FakeJiraCluster.Node messaging = jira.node();
        HostClusterState a = node(messaging);
        assertThat(messaging.consumers).hasSize(1);
        a.close();
        assertThat(messaging.consumers).isEmpty();
    }

    @Test
    void withoutJirasMessagingTheNodeKeepsToItselfAndLoginsGoOn() {
        ClusterMessagingService missing = (ClusterMessagingService) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ClusterMessagingService.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("ServiceUnavailableException");
                });
        HostClusterState lone = node(missing);
        lone.configurationChanged();
        List<String> revoked = new CopyOnWriteArrayList<>();
        lone.onRevocation((key, revokedAt, keepUntil) -> revoked.add(key));
        lone.revoke(KEY, Instant.now(), Instant.now().plusSeconds(60));
        assertThat(revoked).containsExactly(KEY);
        assertThat(lone.firstUse("states", "s", Instant.now().plusSeconds(60))).isTrue();
        assertThat(lone.firstUse("states", "s", Instant.now().plusSeconds(60))).isFalse();
    }
}
