package com.atlassian.crowd.service.cluster;

/** Declaration only, the host provides the real interface (crowd-server-api 5.1.6). */
public interface ClusterMessageListener {

    void handleMessage(String channel, String message);
}
