package com.atlassian.crowd.search.query.entity.restriction.constants;

import com.atlassian.crowd.search.query.entity.restriction.Property;

/** Declaration only, the host provides the real class (and the field's value: not a compile-time constant). */
public class UserTermKeys {

    public static final Property<String> EMAIL = null;

    protected UserTermKeys() {
        throw new UnsupportedOperationException("declaration only");
    }
}
