package com.atlassian.bitbucket.topic;

import com.atlassian.bitbucket.cluster.ClusterNode;
import java.util.Date;

/** Declaration only, the host provides the real interface (Bitbucket javadoc 6.9–9.5). */
public interface MessageEvent<T> {

    T getMessage();

    Date getPublishTime();

    ClusterNode getSource();

    String getTopic();
}
