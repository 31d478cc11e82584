package com.atlassian.bitbucket.topic;

import java.io.Serializable;
import java.util.Optional;

/**
 * Declaration only, the host provides the real class (Bitbucket javadoc 7.4–9.4, since 5.3). The body keeps its
 * values for fake hosts in tests; 0 stands for the host's default queue size here.
 */
public class TopicSettings<T extends Serializable> {

    private final Class<T> messageType;
    private final int queueSize;
    private final boolean dedupePendingMessages;

    TopicSettings(Builder<T> builder) {
        this.messageType = builder.messageType;
        this.queueSize = builder.queueSize;
        this.dedupePendingMessages = builder.dedupePendingMessages;
    }

    public static <T extends Serializable> Builder<T> builder(Class<T> messageType) {
        return new Builder<>(messageType);
    }

    public Optional<Class<T>> getMessageType() {
        return Optional.ofNullable(messageType);
    }

    public int getQueueSize() {
        return queueSize;
    }

    public boolean isDedupePendingMessages() {
        return dedupePendingMessages;
    }

    /** Declaration only, the host provides the real class. */
    public static class Builder<T extends Serializable> {

        private final Class<T> messageType;
        private int queueSize;
        private boolean dedupePendingMessages;

        public Builder(Class<T> messageType) {
            this.messageType = messageType;
        }

        public Builder<T> dedupePendingMessages(boolean value) {
            dedupePendingMessages = value;
            return this;
        }

        public Builder<T> queueSize(int value) {
            queueSize = value;
            return this;
        }

        public TopicSettings<T> build() {
            return new TopicSettings<>(this);
        }
    }
}
