package com.atlassian.cache;

import java.util.concurrent.TimeUnit;

/**
 * Declaration only, the host provides the real class (atlassian-cache-api 6.0.2, {@code @PublicApi}). The body keeps
 * the settings and builds a plain value, so that fake hosts in tests can read them. Evidence:
 * docs/host-evidence.md, topic 4.
 */
public class CacheSettingsBuilder {

    private Long expireAfterAccess;
    private Long expireAfterWrite;
    private Boolean flushable;
    private Boolean local;
    private Integer maxEntries;
    private Boolean replicateAsynchronously;
    private Boolean replicateViaCopy;

    public CacheSettingsBuilder expireAfterAccess(long expireAfter, TimeUnit timeUnit) {
        expireAfterAccess = timeUnit.toMillis(expireAfter);
        return this;
    }

    public CacheSettingsBuilder expireAfterWrite(long expireAfter, TimeUnit timeUnit) {
        expireAfterWrite = timeUnit.toMillis(expireAfter);
        return this;
    }

    public CacheSettingsBuilder flushable() {
        flushable = true;
        return this;
    }

    public CacheSettingsBuilder unflushable() {
        flushable = false;
        return this;
    }

    /** The real builder refuses values below 1. */
    public CacheSettingsBuilder maxEntries(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be greater than zero, passed: " + maxEntries);
        }
        this.maxEntries = maxEntries;
        return this;
    }

    public CacheSettingsBuilder replicateAsynchronously() {
        replicateAsynchronously = true;
        return this;
    }

    public CacheSettingsBuilder replicateSynchronously() {
        replicateAsynchronously = false;
        return this;
    }

    public CacheSettingsBuilder replicateViaCopy() {
        replicateViaCopy = true;
        return this;
    }

    public CacheSettingsBuilder replicateViaInvalidation() {
        replicateViaCopy = false;
        return this;
    }

    public CacheSettingsBuilder local() {
        local = true;
        return this;
    }

    public CacheSettingsBuilder remote() {
        local = false;
        return this;
    }

    public CacheSettings build() {
        return new Built(this);
    }

    private static final class Built implements CacheSettings {

        private final Long expireAfterAccess;
        private final Long expireAfterWrite;
        private final Boolean flushable;
        private final Boolean local;
        private final Integer maxEntries;
        private final Boolean replicateAsynchronously;
        private final Boolean replicateViaCopy;

        Built(CacheSettingsBuilder builder) {
            expireAfterAccess = builder.expireAfterAccess;
            expireAfterWrite = builder.expireAfterWrite;
            flushable = builder.flushable;
            local = builder.local;
            maxEntries = builder.maxEntries;
            replicateAsynchronously = builder.replicateAsynchronously;
            replicateViaCopy = builder.replicateViaCopy;
        }

        @Override
        public Long getExpireAfterAccess() {
            return expireAfterAccess;
        }

        @Override
        public Long getExpireAfterWrite() {
            return expireAfterWrite;
        }

        @Override
        public Boolean getFlushable() {
            return flushable;
        }

        @Override
        public Boolean getLocal() {
            return local;
        }

        @Override
        public Integer getMaxEntries() {
            return maxEntries;
        }

        @Override
        public Boolean getReplicateAsynchronously() {
            return replicateAsynchronously;
        }

        @Override
        public Boolean getReplicateViaCopy() {
            return replicateViaCopy;
        }
    }
}
