package com.atlassian.beehive;

import java.util.concurrent.locks.Lock;

/** Declaration only, the host provides the real interface (beehive-api 5.0.1, {@code @PublicApi}). */
public interface ClusterLock extends Lock {

    boolean isHeldByCurrentThread();
}
