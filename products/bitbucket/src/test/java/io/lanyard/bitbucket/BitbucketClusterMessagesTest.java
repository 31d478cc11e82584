package io.lanyard.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.bitbucket.cluster.ClusterNode;
import com.atlassian.bitbucket.topic.MessageEvent;
import com.atlassian.bitbucket.topic.Topic;
import com.atlassian.bitbucket.topic.TopicListener;
import com.atlassian.bitbucket.topic.TopicService;
import com.atlassian.bitbucket.topic.TopicSettings;
import io.lanyard.plugin.cluster.HostClusterState;
import java.io.Serializable;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two Bitbucket nodes over one fake topic service. A Bitbucket topic delivers to every subscriber, the publishing
 * node's own included; Lanyard must still not act on its own message.
 */
class BitbucketClusterMessagesTest {

    private static final String KEY = "Xl1cK8c4m0Lh3QmZ0m4s1nE7d6y5t9uU0pQ2rS3tV4w";

    /** One topic per name, shared by every node, delivering to all subscribers. */
    private static final class FakeTopics {
        final Map<String, Map<String, TopicListener<?>>> subscribers = new ConcurrentHashMap<>();
        final List<Object> published = new CopyOnWriteArrayList<>();

        TopicService node(String nodeId) {
            return new TopicService() {
                @Override
                public <T extends Serializable> Topic<T> getTopic(String name, TopicSettings<T> settings) {
                    assertThat(settings.getMessageType()).contains((Class) String.class);
                    return topic(name, settings, nodeId);
                }
            };
        }

        private <T extends Serializable> Topic<T> topic(String name, TopicSettings<T> settings, String nodeId) {
            Map<String, TopicListener<?>> listeners = subscribers.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
            return new Topic<>() {
                @Override
                public TopicSettings<T> getSettings() {
                    return settings;
                }

                @Override
                @SuppressWarnings("unchecked")
                public void publish(T message) {
                    published.add(message);
                    MessageEvent<T> event = new MessageEvent<>() {
                        @Override
                        public T getMessage() {
                            return message;
                        }

                        @Override
                        public Date getPublishTime() {
                            return new Date();
                        }

                        @Override
                        public ClusterNode getSource() {
                            return () -> nodeId;
                        }

                        @Override
                        public String getTopic() {
                            return name;
                        }
                    };
                    listeners.values().forEach(listener -> ((TopicListener<T>) listener).onMessage(event));
                }

                @Override
                public String subscribe(TopicListener<T> listener) {
                    String id = UUID.randomUUID().toString();
                    listeners.put(id, listener);
                    return id;
                }

                @Override
                public boolean unsubscribe(String subscriptionId) {
                    return listeners.remove(subscriptionId) != null;
                }
            };
        }
    }

    private final FakeTopics topics = new FakeTopics();

    private HostClusterState node(String id) {
        return new HostClusterState("Bitbucket", null, null, new BitbucketClusterMessages(topics.node(id)), true);
    }

    @Test
    void aConfigurationChangeOnOneNodeReachesTheOtherAndNotItself() {
        HostClusterState a = node("a");
        HostClusterState b = node("b");
        AtomicInteger onA = new AtomicInteger();
        AtomicInteger onB = new AtomicInteger();
        a.onConfigurationChange(onA::incrementAndGet);
        b.onConfigurationChange(onB::incrementAndGet);

        a.configurationChanged();

        assertThat(onB).hasValue(1);
        assertThat(onA).hasValue(0);
        assertThat(topics.subscribers).containsOnlyKeys(BitbucketClusterMessages.TOPIC);
    }

    @Test
    void aRevocationOnOneNodeEndsTheSessionsOnTheOtherOnce() {
        HostClusterState a = node("a");
        HostClusterState b = node("b");
        List<String> onA = new CopyOnWriteArrayList<>();
        List<String> onB = new CopyOnWriteArrayList<>();
        a.onRevocation((key, revokedAt, keepUntil) -> onA.add(key));
        b.onRevocation((key, revokedAt, keepUntil) -> onB.add(key));
        Instant now = Instant.parse("2026-12-06T00:00:00Z");

        a.revoke(KEY, now, now.plusSeconds(3600));

        assertThat(onB).containsExactly(KEY);
        assertThat(onA).containsExactly(KEY);
    }

    @Test
    void closingUnsubscribes() {
        HostClusterState a = node("a");
        assertThat(topics.subscribers.get(BitbucketClusterMessages.TOPIC)).hasSize(1);
        a.close();
        assertThat(topics.subscribers.get(BitbucketClusterMessages.TOPIC)).isEmpty();
    }

    @Test
    void withoutTheTopicServiceTheNodeKeepsToItselfAndNothingFails() {
        TopicService missing = new TopicService() {
            @Override
            public <T extends Serializable> Topic<T> getTopic(String topic, TopicSettings<T> settings) {
                throw new IllegalStateException("ServiceUnavailableException");
            }
        };
        HostClusterState lone = new HostClusterState("Bitbucket", null, null, new BitbucketClusterMessages(missing),
                true);
        lone.configurationChanged();
        lone.revoke(KEY, Instant.now(), Instant.now().plusSeconds(60));
        assertThat(lone.firstUse("states", "s", Instant.now().plusSeconds(60))).isTrue();
        lone.close();
    }
}
