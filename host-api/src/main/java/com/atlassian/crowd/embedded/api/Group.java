package com.atlassian.crowd.embedded.api;

/**
 * Declaration only, the host provides the real interface (embedded-crowd-api 5.1.6). {@code CrowdService.addGroup}
 * takes one: a plugin may implement it (name, equality by name, ordering). Evidence: docs/host-evidence.md, topic 2.
 */
public interface Group extends Comparable<Group> {

    String getName();
}
