package com.atlassian.sal.api.user;

/** Declaration only, the host provides the real interface. */
public interface UserProfile {

    String getUsername();
}
