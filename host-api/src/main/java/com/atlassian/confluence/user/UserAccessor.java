package com.atlassian.confluence.user;

import com.atlassian.user.User;
import com.atlassian.user.search.SearchResult;

/** Declaration only, the host provides the real interface. */
public interface UserAccessor {

    ConfluenceUser getUserByName(String name);

    SearchResult<User> getUsersByEmail(String email);
}
