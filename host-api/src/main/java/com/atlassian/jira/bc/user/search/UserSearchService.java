package com.atlassian.jira.bc.user.search;

import com.atlassian.jira.user.ApplicationUser;

/** Declaration only, the host provides the real interface. */
public interface UserSearchService {

    Iterable<ApplicationUser> findUsersByEmail(String email);
}
