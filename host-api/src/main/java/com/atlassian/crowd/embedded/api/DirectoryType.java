package com.atlassian.crowd.embedded.api;

/** Declaration only, the host provides the real enum (embedded-crowd-api 5.1.6; constants resolve by name). */
public enum DirectoryType {
    UNKNOWN,
    INTERNAL,
    CONNECTOR,
    CUSTOM,
    DELEGATING,
    CROWD,
    AZURE_AD
}
