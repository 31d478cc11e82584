package com.atlassian.cache;

import java.util.Collection;

/**
 * Declaration only, the host provides the real interface (atlassian-cache-api 6.0.2, {@code @PublicApi}). Whether a
 * remote cache's {@code putIfAbsent} is atomic across nodes depends on the product's cache backend (see
 * docs/host-evidence.md, topic 4).
 */
public interface Cache<K, V> {

    String getName();

    boolean containsKey(K key);

    Collection<K> getKeys();

    /** {@code null} when absent and the cache has no loader. */
    V get(K key);

    V get(K key, Supplier<? extends V> valueSupplier);

    void put(K key, V value);

    /** The existing value, or {@code null} if {@code value} was stored. */
    V putIfAbsent(K key, V value);

    void remove(K key);

    boolean remove(K key, V value);

    void removeAll();

    boolean replace(K key, V oldValue, V newValue);
}
