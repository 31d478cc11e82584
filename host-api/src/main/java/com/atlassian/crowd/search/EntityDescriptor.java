package com.atlassian.crowd.search;

/**
 * Declaration only, the host provides the real class (crowd-api 5.1.6): what a Crowd query returns or matches.
 * Evidence: docs/host-evidence.md, topic 2.2.
 */
public class EntityDescriptor {

    protected EntityDescriptor() {
        throw new UnsupportedOperationException("declaration only");
    }

    public static EntityDescriptor user() {
        throw new UnsupportedOperationException("declaration only");
    }

    public static EntityDescriptor group() {
        throw new UnsupportedOperationException("declaration only");
    }

    public static EntityDescriptor directory() {
        throw new UnsupportedOperationException("declaration only");
    }
}
