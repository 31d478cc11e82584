package io.lanyard.plugin.crowd;

import com.atlassian.crowd.embedded.api.CrowdDirectoryService;
import com.atlassian.crowd.embedded.api.CrowdService;
import com.atlassian.crowd.exception.GroupNotFoundException;
import com.atlassian.crowd.exception.MembershipAlreadyExistsException;
import com.atlassian.crowd.exception.MembershipNotFoundException;
import com.atlassian.crowd.manager.directory.DirectoryManager;
import com.atlassian.crowd.model.group.GroupTemplate;
import com.atlassian.crowd.search.EntityDescriptor;
import com.atlassian.crowd.search.query.membership.MembershipQuery;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.host.HostProduct;
import io.lanyard.core.host.GroupWrites;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A user's group memberships in Jira, Confluence and Bamboo through Crowd's {@code DirectoryManager}, in the directory
 * that holds the user, as Atlassian's own provisioning keeps them (docs/host-evidence.md, 2.1): the direct groups with
 * {@code searchDirectGroupRelationships}, {@code findGroupByName}, {@code addGroup}, {@code addUserToGroup} and
 * {@code removeUserFromGroup} (an existing or missing membership is what was wanted, not a failure).
 */
public final class CrowdGroupWrites implements GroupWrites {

    private final CrowdDirectories directories;

    public CrowdGroupWrites(HostProduct product, DirectoryManager directoryManager, CrowdDirectoryService directoryService,
            CrowdService crowdService) {
        this.directories = new CrowdDirectories(product, directoryManager, directoryService, crowdService);
    }

    @Override
    public UserGroups of(String username) {
        long directory = directories.directoryOf(username, ErrorCode.HOST_GROUPS_UNREADABLE);
        DirectoryManager manager = directories.manager();
        return new UserGroups() {
            @Override
            public Set<String> direct() {
                return new LinkedHashSet<>(directories.call("read the groups of " + username,
                        ErrorCode.HOST_GROUPS_UNREADABLE, () -> manager.searchDirectGroupRelationships(directory,
                                new MembershipQuery<>(String.class, false, EntityDescriptor.user(), username,
                                        EntityDescriptor.group(), 0, -1))));
            }

            @Override
            public boolean exists(String group) {
                return directories.call("find the group " + group, ErrorCode.HOST_GROUPS_UNREADABLE, () -> {
                    try {
                        return manager.findGroupByName(directory, group) != null;
                    } catch (GroupNotFoundException e) {
                        return false;
                    }
                });
            }

            @Override
            public void create(String group) {
                directories.call("create the group " + group, ErrorCode.HOST_GROUP_CREATE_FAILED,
                        () -> manager.addGroup(directory, new GroupTemplate(group, directory)));
            }

            @Override
            public void add(String group) {
                directories.call("add " + username + " to " + group, ErrorCode.HOST_MEMBERSHIP_CHANGE_FAILED, () -> {
                    try {
                        manager.addUserToGroup(directory, username, group);
                    } catch (MembershipAlreadyExistsException e) {
                        // what was wanted
                    }
                    return null;
                });
            }

            @Override
            public void remove(String group) {
                directories.call("remove " + username + " from " + group, ErrorCode.HOST_MEMBERSHIP_CHANGE_FAILED,
                        () -> {
                            try {
                                manager.removeUserFromGroup(directory, username, group);
                            } catch (MembershipNotFoundException e) {
                                // what was wanted
                            }
                            return null;
                        });
            }
        };
    }
}
