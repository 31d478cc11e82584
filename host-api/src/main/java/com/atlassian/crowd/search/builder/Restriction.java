package com.atlassian.crowd.search.builder;

import com.atlassian.crowd.search.query.entity.restriction.Property;
import com.atlassian.crowd.search.query.entity.restriction.PropertyRestriction;

/** Declaration only, the host provides the real class. */
public class Restriction {

    protected Restriction() {
        throw new UnsupportedOperationException("declaration only");
    }

    public static <T> RestrictionWithProperty<T> on(Property<T> property) {
        throw new UnsupportedOperationException("declaration only");
    }

    /** Declaration only, the host provides the real class. */
    public static class RestrictionWithProperty<T> {

        protected RestrictionWithProperty() {
            throw new UnsupportedOperationException("declaration only");
        }

        public PropertyRestriction<T> exactlyMatching(T value) {
            throw new UnsupportedOperationException("declaration only");
        }
    }
}
