package com.atlassian.cache;

/**
 * Declaration only, the host provides the real interface (atlassian-cache-api 6.0.2). Only the nullable getters are
 * declared ({@code null}: the product's default).
 */
public interface CacheSettings {

    Long getExpireAfterAccess();

    Long getExpireAfterWrite();

    Boolean getFlushable();

    Boolean getLocal();

    Integer getMaxEntries();

    Boolean getReplicateAsynchronously();

    Boolean getReplicateViaCopy();
}
