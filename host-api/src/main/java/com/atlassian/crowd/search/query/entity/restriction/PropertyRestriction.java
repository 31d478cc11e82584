package com.atlassian.crowd.search.query.entity.restriction;

import com.atlassian.crowd.embedded.api.SearchRestriction;

/** Declaration only, the host provides the real interface. */
public interface PropertyRestriction<T> extends SearchRestriction {
}
