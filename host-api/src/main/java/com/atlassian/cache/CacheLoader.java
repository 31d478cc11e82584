package com.atlassian.cache;

/** Declaration only, the host provides the real interface (atlassian-cache-api 6.0.2). */
@FunctionalInterface
public interface CacheLoader<K, V> {

    V load(K key);
}
