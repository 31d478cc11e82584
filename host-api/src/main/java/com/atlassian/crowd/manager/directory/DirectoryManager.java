package com.atlassian.crowd.manager.directory;

import com.atlassian.crowd.embedded.api.Directory;
import com.atlassian.crowd.embedded.api.PasswordCredential;
import com.atlassian.crowd.exception.DirectoryNotFoundException;
import com.atlassian.crowd.exception.GroupNotFoundException;
import com.atlassian.crowd.exception.InvalidCredentialException;
import com.atlassian.crowd.exception.InvalidGroupException;
import com.atlassian.crowd.exception.InvalidUserException;
import com.atlassian.crowd.exception.MembershipAlreadyExistsException;
import com.atlassian.crowd.exception.MembershipNotFoundException;
import com.atlassian.crowd.exception.OperationFailedException;
import com.atlassian.crowd.exception.ReadOnlyGroupException;
import com.atlassian.crowd.exception.UserAlreadyExistsException;
import com.atlassian.crowd.exception.UserNotFoundException;
import com.atlassian.crowd.model.group.Group;
import com.atlassian.crowd.model.group.GroupTemplate;
import com.atlassian.crowd.model.user.User;
import com.atlassian.crowd.model.user.UserTemplate;
import com.atlassian.crowd.model.user.UserTemplateWithAttributes;
import com.atlassian.crowd.model.user.UserWithAttributes;
import com.atlassian.crowd.search.query.entity.EntityQuery;
import com.atlassian.crowd.search.query.membership.MembershipQuery;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Declaration only, the host provides the real interface (crowd-api 5.1.6). Not a published API, but an OSGi service
 * in all four products: Atlassian's own SSO plugin imports it for just-in-time provisioning (create a user in a chosen
 * directory, attributes, group memberships). Only the members Lanyard needs are declared, with their exact checked
 * exceptions. Evidence: docs/host-evidence.md, topic 2.
 */
public interface DirectoryManager {

    Directory findDirectoryById(long directoryId) throws DirectoryNotFoundException;

    List<Directory> searchDirectories(EntityQuery<Directory> query);

    User findUserByName(long directoryId, String username)
            throws DirectoryNotFoundException, UserNotFoundException, OperationFailedException;

    UserWithAttributes findUserWithAttributesByName(long directoryId, String username)
            throws DirectoryNotFoundException, UserNotFoundException, OperationFailedException;

    <T> List<T> searchUsers(long directoryId, EntityQuery<T> query)
            throws DirectoryNotFoundException, OperationFailedException;

    UserWithAttributes addUser(long directoryId, UserTemplateWithAttributes user, PasswordCredential credential)
            throws InvalidCredentialException, InvalidUserException, DirectoryPermissionException,
            DirectoryNotFoundException, OperationFailedException, UserAlreadyExistsException;

    User updateUser(long directoryId, UserTemplate user) throws DirectoryNotFoundException, UserNotFoundException,
            DirectoryPermissionException, InvalidUserException, OperationFailedException;

    void storeUserAttributes(long directoryId, String username, Map<String, Set<String>> attributes)
            throws DirectoryPermissionException, DirectoryNotFoundException, UserNotFoundException,
            OperationFailedException;

    Group findGroupByName(long directoryId, String groupName)
            throws GroupNotFoundException, DirectoryNotFoundException, OperationFailedException;

    Group addGroup(long directoryId, GroupTemplate group) throws InvalidGroupException, DirectoryPermissionException,
            DirectoryNotFoundException, OperationFailedException;

    boolean isUserDirectGroupMember(long directoryId, String username, String groupName)
            throws DirectoryNotFoundException, OperationFailedException;

    void addUserToGroup(long directoryId, String username, String groupName) throws DirectoryPermissionException,
            DirectoryNotFoundException, UserNotFoundException, GroupNotFoundException, OperationFailedException,
            ReadOnlyGroupException, MembershipAlreadyExistsException;

    void removeUserFromGroup(long directoryId, String username, String groupName)
            throws DirectoryPermissionException, DirectoryNotFoundException, UserNotFoundException,
            GroupNotFoundException, MembershipNotFoundException, OperationFailedException, ReadOnlyGroupException;

    /** Direct memberships, e.g. the names of a user's groups (see {@code MembershipQuery}). */
    <T> List<T> searchDirectGroupRelationships(long directoryId, MembershipQuery<T> query)
            throws DirectoryNotFoundException, OperationFailedException;
}
