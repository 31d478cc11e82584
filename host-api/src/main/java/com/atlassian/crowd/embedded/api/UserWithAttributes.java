package com.atlassian.crowd.embedded.api;

/**
 * Declaration only, the host provides the real interface (embedded-crowd-api 5.1.6): what
 * {@code CrowdService.getUserWithAttributes(String)} returns and {@code addUser(UserWithAttributes, String)} takes.
 * Evidence: docs/host-evidence.md, topic 2.
 */
public interface UserWithAttributes extends User, Attributes {
}
