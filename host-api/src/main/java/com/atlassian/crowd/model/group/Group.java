package com.atlassian.crowd.model.group;

import com.atlassian.crowd.model.DirectoryEntity;

/**
 * Declaration only, the host provides the real interface (crowd-integration-api 5.1.6): the group type of Crowd's
 * {@code DirectoryManager}. Unlike the user types it is not an embedded-API {@code Group}. Evidence:
 * docs/host-evidence.md, topic 2.
 */
public interface Group extends DirectoryEntity, Comparable<Group> {

    GroupType getType();

    boolean isActive();

    String getDescription();

    String getExternalId();
}
