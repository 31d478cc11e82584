package io.lanyard.plugin.cluster;

import java.util.function.Consumer;

/**
 * Short text messages between the nodes of a cluster, over the product's own messaging (docs/host-evidence.md §4.2:
 * there is no cross-product API): one thin adapter per product. A message is at most {@link #MAX_LENGTH} characters
 * (Jira's limit). Whether the sending node hears its own message differs per product; {@link HostClusterState} marks
 * its messages with its node id and ignores its own.
 */
public interface ClusterMessages extends AutoCloseable {

    /** Jira's {@code ClusterMessagingService} refuses longer messages. */
    int MAX_LENGTH = 200;
    /** Jira's {@code ClusterMessagingService}: at most 20 letters and digits. */
    String CHANNEL = "lanyard";

    /** A lone node: nobody to tell, nothing to hear. */
    ClusterMessages NONE = new ClusterMessages() {
        @Override
        public void send(String message) {
        }

        @Override
        public void listen(Consumer<String> receiver) {
        }

        @Override
        public String toString() {
            return "no messages between nodes";
        }
    };

    /**
     * Sends {@code message} to the other nodes.
     *
     * @throws RuntimeException or {@link LinkageError} when the product's service fails or is missing
     */
    void send(String message);

    /**
     * Subscribes {@code receiver} to the messages of the other nodes, delivered on a thread of the product's.
     *
     * @throws RuntimeException or {@link LinkageError} when the product's service fails or is missing
     */
    void listen(Consumer<String> receiver);

    /** Unsubscribes; the plugin is stopping. */
    @Override
    default void close() {
    }
}
