package com.atlassian.bitbucket.cluster;

/** Declaration only, the host provides the real interface (Bitbucket javadoc 6.8–10.1). */
public interface ClusterNode {

    String getId();
}
