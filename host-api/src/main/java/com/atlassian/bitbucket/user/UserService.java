package com.atlassian.bitbucket.user;

/** Declaration only, the host provides the real interface. */
public interface UserService {

    ApplicationUser getUserByName(String username);

    ApplicationUser findUserByNameOrEmail(String value);
}
