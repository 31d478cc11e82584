package com.atlassian.crowd.search.query.entity;

import com.atlassian.crowd.embedded.api.Query;

/** Declaration only, the host provides the real class. */
public abstract class EntityQuery<T> implements Query<T> {

    protected EntityQuery() {
        throw new UnsupportedOperationException("declaration only");
    }
}
