package com.atlassian.crowd.embedded.api;

import com.atlassian.crowd.exception.InactiveAccountException;
import com.atlassian.crowd.exception.InvalidCredentialException;
import com.atlassian.crowd.exception.InvalidUserException;
import com.atlassian.crowd.exception.OperationNotPermittedException;
import com.atlassian.crowd.exception.embedded.InvalidGroupException;
import java.util.Set;

/**
 * Declaration only, the host provides the real interface (embedded-crowd-api 5.1.6; an OSGi service in Jira,
 * Confluence and Bitbucket, PLAUSIBLE in Bamboo). Only the members Lanyard calls or is about to call are declared;
 * the runtime exceptions of the real {@code throws} clauses are left out (the JVM ignores {@code throws}; javac
 * needs only the checked ones). Evidence: docs/host-evidence.md, topics 1.2 and 2.2.
 */
public interface CrowdService {

    User getUser(String name);

    UserWithAttributes getUserWithAttributes(String name);

    Group getGroup(String name);

    boolean isUserMemberOfGroup(String userName, String groupName);

    <T> Iterable<T> search(Query<T> query);

    /**
     * Tells Crowd that {@code name} has just authenticated (outside Crowd): a user of an LDAP or Crowd directory is
     * refreshed with its groups. {@code @ExperimentalApi} in Crowd. Also throws the runtime
     * {@code exception.runtime.UserNotFoundException} and {@code exception.runtime.OperationFailedException}.
     */
    User userAuthenticated(String name) throws InactiveAccountException;

    UserWithAttributes addUser(UserWithAttributes user, String credential)
            throws InvalidUserException, InvalidCredentialException, OperationNotPermittedException;

    User updateUser(User user) throws InvalidUserException, OperationNotPermittedException;

    void setUserAttribute(User user, String attributeName, String attributeValue) throws OperationNotPermittedException;

    void setUserAttribute(User user, String attributeName, Set<String> attributeValues)
            throws OperationNotPermittedException;

    void removeUserAttribute(User user, String attributeName) throws OperationNotPermittedException;

    Group addGroup(Group group) throws InvalidGroupException, OperationNotPermittedException;

    boolean addUserToGroup(User user, Group group) throws OperationNotPermittedException;

    boolean removeUserFromGroup(User user, Group group) throws OperationNotPermittedException;
}
