package com.atlassian.jira.user;

/** Declaration only, the host provides the real interface. */
public interface ApplicationUser {

    String getUsername();

    String getDisplayName();

    String getEmailAddress();

    boolean isActive();
}
