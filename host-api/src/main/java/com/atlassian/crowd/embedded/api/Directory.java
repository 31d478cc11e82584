package com.atlassian.crowd.embedded.api;

import java.io.Serializable;
import java.util.Set;

/**
 * Declaration only, the host provides the real interface (embedded-crowd-api 5.1.6). Evidence:
 * docs/host-evidence.md, topic 2.
 */
public interface Directory extends Serializable, Attributes {

    Long getId();

    String getName();

    boolean isActive();

    Set<OperationType> getAllowedOperations();

    String getDescription();

    DirectoryType getType();

    String getImplementationClass();
}
