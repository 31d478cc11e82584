package io.lanyard.bitbucket;

import com.atlassian.bitbucket.topic.Topic;
import com.atlassian.bitbucket.topic.TopicService;
import com.atlassian.bitbucket.topic.TopicSettings;
import io.lanyard.plugin.cluster.ClusterMessages;
import java.util.function.Consumer;

/**
 * Lanyard's messages over a Bitbucket {@link Topic} of strings (docs/host-evidence.md §4.2). A topic also delivers to
 * the publishing node's own listeners; {@code HostClusterState} ignores its own messages.
 */
public final class BitbucketClusterMessages implements ClusterMessages {

    static final String TOPIC = "io.lanyard.cluster";

    private final TopicService topics;
    private volatile Topic<String> topic;
    private volatile String subscription;

    public BitbucketClusterMessages(TopicService topics) {
        this.topics = topics;
    }

    private Topic<String> topic() {
        Topic<String> known = topic;
        if (known == null) {
            known = topics.getTopic(TOPIC, TopicSettings.builder(String.class).build());
            topic = known;
        }
        return known;
    }

    @Override
    public void send(String message) {
        topic().publish(message);
    }

    @Override
    public void listen(Consumer<String> receiver) {
        subscription = topic().subscribe(event -> receiver.accept(event.getMessage()));
    }

    @Override
    public void close() {
        String subscribed = subscription;
        if (subscribed != null) {
            topic().unsubscribe(subscribed);
        }
    }
}
