package com.atlassian.crowd.model;

/** Declaration only, the host provides the real interface (crowd-integration-api 5.1.6). */
public interface DirectoryEntity {

    long getDirectoryId();

    String getName();
}
