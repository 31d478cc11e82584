package com.atlassian.crowd.embedded.api;

import java.util.Set;

/**
 * Declaration only, the host provides the real interface (embedded-crowd-api 5.1.6). Evidence:
 * docs/host-evidence.md, topic 2.
 */
public interface Attributes {

    /** {@code null} when the attribute is absent. */
    Set<String> getValues(String name);

    /** The first value, {@code null} when absent. */
    String getValue(String name);

    Set<String> getKeys();

    boolean isEmpty();
}
