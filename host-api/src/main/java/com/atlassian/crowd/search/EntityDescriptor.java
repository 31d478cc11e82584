package com.atlassian.crowd.search;

/** Declaration only, the host provides the real class. */
public class EntityDescriptor {

    protected EntityDescriptor() {
        throw new UnsupportedOperationException("declaration only");
    }

    public static EntityDescriptor user() {
        throw new UnsupportedOperationException("declaration only");
    }
}
