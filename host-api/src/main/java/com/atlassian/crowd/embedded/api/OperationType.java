package com.atlassian.crowd.embedded.api;

/**
 * Declaration only, the host provides the real enum (embedded-crowd-api 5.1.6; constants resolve by name): what a
 * directory allows ({@code Directory.getAllowedOperations()}).
 */
public enum OperationType {
    CREATE_USER,
    CREATE_GROUP,
    CREATE_ROLE,
    UPDATE_USER,
    UPDATE_GROUP,
    UPDATE_ROLE,
    UPDATE_USER_ATTRIBUTE,
    UPDATE_GROUP_ATTRIBUTE,
    UPDATE_ROLE_ATTRIBUTE,
    DELETE_USER,
    DELETE_GROUP,
    DELETE_ROLE
}
