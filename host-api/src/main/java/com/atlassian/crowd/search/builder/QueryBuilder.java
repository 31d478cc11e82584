package com.atlassian.crowd.search.builder;

import com.atlassian.crowd.embedded.api.SearchRestriction;
import com.atlassian.crowd.search.EntityDescriptor;
import com.atlassian.crowd.search.query.entity.EntityQuery;

/** Declaration only, the host provides the real class. */
public class QueryBuilder {

    protected QueryBuilder() {
        throw new UnsupportedOperationException("declaration only");
    }

    public static <T> EntityQuery<T> queryFor(Class<T> returnType, EntityDescriptor entity,
            SearchRestriction searchRestriction, int startIndex, int maxResults) {
        throw new UnsupportedOperationException("declaration only");
    }
}
