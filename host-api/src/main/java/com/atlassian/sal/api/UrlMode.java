package com.atlassian.sal.api;

/** Declaration only, the host provides the real enum (constants resolve by name, so only the one we use is here). */
public enum UrlMode {
    CANONICAL
}
