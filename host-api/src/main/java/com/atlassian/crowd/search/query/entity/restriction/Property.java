package com.atlassian.crowd.search.query.entity.restriction;

/** Declaration only, the host provides the real interface. */
public interface Property<V> {
}
