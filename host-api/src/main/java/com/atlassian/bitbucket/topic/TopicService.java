package com.atlassian.bitbucket.topic;

import java.io.Serializable;

/**
 * Declaration only, the host provides the real interface (Bitbucket javadoc 6.8–10.1.2): cluster-wide publish and
 * subscribe. Not durable: listeners may miss messages during a partition. Evidence: docs/host-evidence.md, topic 4.
 */
public interface TopicService {

    <T extends Serializable> Topic<T> getTopic(String topic, TopicSettings<T> settings);
}
