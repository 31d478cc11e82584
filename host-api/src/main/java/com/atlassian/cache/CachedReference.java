package com.atlassian.cache;

/** Declaration only, the host provides the real interface (atlassian-cache-api 6.0.2, {@code @PublicApi}). */
public interface CachedReference<V> {

    V get();

    void reset();
}
