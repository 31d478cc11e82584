package io.lanyard.plugin.cluster;

import com.atlassian.beehive.ClusterLock;
import com.atlassian.beehive.ClusterLockService;
import com.atlassian.cache.Cache;
import com.atlassian.cache.CacheLoader;
import com.atlassian.cache.CacheManager;
import com.atlassian.cache.CacheSettings;
import com.atlassian.cache.CachedReference;
import com.atlassian.cache.Supplier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The cluster services of one product as in-memory fakes that several "nodes" (HostClusterStates) share: one
 * replicated cache per name (one copy, as a Hazelcast map), named locks, and a message bus that delivers to the
 * other nodes (Jira, Bamboo) or to every node, the sender included (a Bitbucket topic).
 */
final class FakeHostCluster {

    final Map<String, CacheSettings> settings = new ConcurrentHashMap<>();
    final Map<String, MapCache<?, ?>> caches = new ConcurrentHashMap<>();
    final Map<String, FakeLock> locks = new ConcurrentHashMap<>();
    final AtomicInteger lockAcquisitions = new AtomicInteger();
    final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<Node> nodes = new CopyOnWriteArrayList<>();
    private final boolean echoToSender;

    FakeHostCluster(boolean echoToSender) {
        this.echoToSender = echoToSender;
    }

    final CacheManager cacheManager = new CacheManager() {
        @Override
        public <K, V> Cache<K, V> getCache(String name) {
            return cache(name);
        }

        @Override
        public <K, V> Cache<K, V> getCache(String name, CacheLoader<K, V> loader, CacheSettings cacheSettings) {
            settings.put(name, cacheSettings);
            return cache(name);
        }

        @Override
        public <V> CachedReference<V> getCachedReference(String name, Supplier<V> supplier, CacheSettings s) {
            throw new UnsupportedOperationException();
        }
    };

    final ClusterLockService lockService = name -> locks.computeIfAbsent(name, n -> new FakeLock());

    @SuppressWarnings("unchecked")
    private <K, V> Cache<K, V> cache(String name) {
        return (Cache<K, V>) caches.computeIfAbsent(name, MapCache::new);
    }

    /** The messages of one node. */
    ClusterMessages messagesOfNode() {
        Node node = new Node();
        nodes.add(node);
        return node;
    }

    private final class Node implements ClusterMessages {
        private final List<Consumer<String>> receivers = new CopyOnWriteArrayList<>();

        @Override
        public void send(String message) {
            if (message.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("longer than Jira allows: " + message.length());
            }
            sent.add(message);
            nodes.stream().filter(node -> echoToSender || node != this)
                    .forEach(node -> node.receivers.forEach(receiver -> receiver.accept(message)));
        }

        @Override
        public void listen(Consumer<String> receiver) {
            receivers.add(receiver);
        }
    }

    final class FakeLock extends ReentrantLock implements ClusterLock {
        @Override
        public boolean tryLock(long time, java.util.concurrent.TimeUnit unit) throws InterruptedException {
            boolean locked = super.tryLock(time, unit);
            if (locked) {
                lockAcquisitions.incrementAndGet();
            }
            return locked;
        }
    }

    static final class MapCache<K, V> implements Cache<K, V> {
        private final String name;
        private final ConcurrentMap<K, V> values = new ConcurrentHashMap<>();

        MapCache(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean containsKey(K key) {
            return values.containsKey(key);
        }

        @Override
        public Collection<K> getKeys() {
            return new ArrayList<>(values.keySet());
        }

        @Override
        public V get(K key) {
            return values.get(key);
        }

        @Override
        public V get(K key, Supplier<? extends V> valueSupplier) {
            return values.computeIfAbsent(key, k -> valueSupplier.get());
        }

        @Override
        public void put(K key, V value) {
            values.put(key, value);
        }

        @Override
        public V putIfAbsent(K key, V value) {
            return values.putIfAbsent(key, value);
        }

        @Override
        public void remove(K key) {
            values.remove(key);
        }

        @Override
        public boolean remove(K key, V value) {
            return values.remove(key, value);
        }

        @Override
        public void removeAll() {
            values.clear();
        }

        @Override
        public boolean replace(K key, V oldValue, V newValue) {
            return values.replace(key, oldValue, newValue);
        }
    }
}
