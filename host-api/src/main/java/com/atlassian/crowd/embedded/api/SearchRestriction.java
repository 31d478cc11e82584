package com.atlassian.crowd.embedded.api;

/** Declaration only, the host provides the real interface. */
public interface SearchRestriction {
}
