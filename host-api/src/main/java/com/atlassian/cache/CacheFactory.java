package com.atlassian.cache;

/**
 * Declaration only, the host provides the real interface (atlassian-cache-api 6.0.2, {@code @PublicApi}). Evidence:
 * docs/host-evidence.md, topic 4.
 */
public interface CacheFactory {

    <K, V> Cache<K, V> getCache(String name);

    /** {@code loader} may be {@code null}. */
    <K, V> Cache<K, V> getCache(String name, CacheLoader<K, V> loader, CacheSettings settings);

    <V> CachedReference<V> getCachedReference(String name, Supplier<V> supplier, CacheSettings settings);
}
