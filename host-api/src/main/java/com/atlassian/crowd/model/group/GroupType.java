package com.atlassian.crowd.model.group;

/** Declaration only, the host provides the real enum (crowd-integration-api 5.1.6; constants resolve by name). */
public enum GroupType {
    GROUP,
    LEGACY_ROLE
}
