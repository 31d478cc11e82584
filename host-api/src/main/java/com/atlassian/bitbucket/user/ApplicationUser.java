package com.atlassian.bitbucket.user;

/** Declaration only, the host provides the real interface. */
public interface ApplicationUser {

    String getName();

    String getDisplayName();

    String getEmailAddress();

    boolean isActive();
}
