package com.atlassian.jira.user.util;

import com.atlassian.jira.user.ApplicationUser;

/** Declaration only, the host provides the real interface. */
public interface UserManager {

    ApplicationUser getUserByName(String userName);
}
