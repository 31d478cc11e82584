package com.atlassian.bitbucket.user;

import java.util.Set;

/**
 * Declaration only, the host provides the real interface (Bitbucket javadoc 6.10, 7.4, 9.3). UNCONFIRMED on
 * Bitbucket 10. Only the members Lanyard needs are declared. Evidence: docs/host-evidence.md, topic 2.
 */
public interface UserAdminService {

    boolean canCreateUsers();

    boolean canCreateGroups();

    boolean canUpdateGroups();

    /** Creates a user in the internal directory and adds it to the default group, if there is one. */
    void createUser(String username, String password, String displayName, String emailAddress);

    void createUser(String username, String password, String displayName, String emailAddress,
            boolean addToDefaultGroup);

    DetailedGroup createGroup(String groupName);

    void addUserToGroups(String username, Set<String> groupNames);

    void addMembersToGroup(String groupName, Set<String> usernames);

    void removeUserFromGroup(String groupName, String username);
}
