package com.atlassian.jira.security;

import com.atlassian.jira.user.ApplicationUser;

/** Declaration only, the host provides the real interface. */
public interface JiraAuthenticationContext {

    void setLoggedInUser(ApplicationUser user);
}
