package com.atlassian.bitbucket.topic;

import java.io.Serializable;

/**
 * Declaration only, the host provides the real interface (Bitbucket javadoc 8.3). Called on one of a few delivery
 * threads: hand long work to an executor.
 */
public interface TopicListener<T extends Serializable> {

    void onMessage(MessageEvent<T> message);
}
