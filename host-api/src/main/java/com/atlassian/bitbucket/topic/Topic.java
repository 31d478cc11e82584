package com.atlassian.bitbucket.topic;

import java.io.Serializable;

/** Declaration only, the host provides the real interface (Bitbucket javadoc 6.8–10.1). */
public interface Topic<T extends Serializable> {

    TopicSettings<T> getSettings();

    /** To every listener, local and on the other nodes. */
    void publish(T message);

    /** The subscription id for {@link #unsubscribe}. */
    String subscribe(TopicListener<T> listener);

    boolean unsubscribe(String subscriptionId);
}
