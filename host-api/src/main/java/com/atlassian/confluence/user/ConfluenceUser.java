package com.atlassian.confluence.user;

import com.atlassian.user.User;

/** Declaration only, the host provides the real interface. */
public interface ConfluenceUser extends User {
}
