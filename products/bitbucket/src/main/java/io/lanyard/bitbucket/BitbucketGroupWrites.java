package io.lanyard.bitbucket;

import com.atlassian.bitbucket.permission.Permission;
import com.atlassian.bitbucket.user.SecurityService;
import com.atlassian.bitbucket.user.UserAdminService;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.host.GroupWrites;
import io.lanyard.plugin.crowd.MissingWriteApi;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Bitbucket's group memberships: written through Bitbucket's own {@code UserAdminService} ({@code createGroup},
 * {@code addUserToGroups}, {@code removeUserFromGroup}; javadoc 6.10–9.3), so that Bitbucket's caches, events and
 * audit see the change as they see an administrator's; read where Crowd keeps them ({@code io.lanyard.plugin.crowd},
 * as Atlassian's own provisioning reads them on Bitbucket). A login has no administrator in its security context,
 * and those methods need the ADMIN permission (they throw {@code ForbiddenException} otherwise): each runs in
 * {@code SecurityService.withPermission(ADMIN, reason)}. Any failure is the operation's code; a Bitbucket whose API
 * differs (or that does not publish them) is {@code HOST_WRITES_UNAVAILABLE}, warned once.
 */
public final class BitbucketGroupWrites implements GroupWrites {

    static final String REASON = "Lanyard: group memberships from the identity provider at login";

    private final GroupWrites crowd;
    private final UserAdminService userAdminService;
    private final SecurityService securityService;
    private final MissingWriteApi missing = new MissingWriteApi("UserAdminService and SecurityService.withPermission");

    /** @param crowd reads the memberships where Crowd keeps them */
    public BitbucketGroupWrites(GroupWrites crowd, UserAdminService userAdminService, SecurityService securityService) {
        this.crowd = Objects.requireNonNull(crowd, "crowd");
        this.userAdminService = Objects.requireNonNull(userAdminService, "userAdminService");
        this.securityService = Objects.requireNonNull(securityService, "securityService");
    }

    @Override
    public UserGroups of(String username) {
        UserGroups read = crowd.of(username);
        return new UserGroups() {
            @Override
            public Set<String> direct() {
                return read.direct();
            }

            @Override
            public boolean exists(String group) {
                return read.exists(group);
            }

            @Override
            public void create(String group) {
                asAdministrator("create the group " + group, ErrorCode.HOST_GROUP_CREATE_FAILED,
                        () -> userAdminService.createGroup(group));
            }

            @Override
            public void add(String group) {
                asAdministrator("add " + username + " to " + group, ErrorCode.HOST_MEMBERSHIP_CHANGE_FAILED, () -> {
                    userAdminService.addUserToGroups(username, Set.of(group));
                    return null;
                });
            }

            @Override
            public void remove(String group) {
                asAdministrator("remove " + username + " from " + group, ErrorCode.HOST_MEMBERSHIP_CHANGE_FAILED,
                        () -> {
                            userAdminService.removeUserFromGroup(group, username);
                            return null;
                        });
            }
        };
    }

    private void asAdministrator(String what, ErrorCode code, Supplier<Object> operation) {
        try {
            securityService.withPermission(Permission.ADMIN, REASON).call(operation::get);
        } catch (RuntimeException e) {
            if (MissingWriteApi.isServiceMissing(e)) {
                throw missing.failure("Bitbucket", e);
            }
            throw new LanyardException(code, "Bitbucket could not " + what + ": " + e, e);
        } catch (LinkageError e) {
            throw missing.failure("Bitbucket", e);
        }
    }
}
