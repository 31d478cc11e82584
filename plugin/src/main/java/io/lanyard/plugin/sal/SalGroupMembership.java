package io.lanyard.plugin.sal;

import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import io.lanyard.core.host.GroupMembership;
import java.util.Objects;

/**
 * Emergency access's group check in every product, through SAL's {@code UserManager} (docs/host-evidence.md 1.2):
 * the account's key from its username, then {@code isSystemAdmin} and {@code isUserInGroup}. An account SAL does not
 * know is neither.
 */
public final class SalGroupMembership implements GroupMembership {

    private final UserManager userManager;

    public SalGroupMembership(UserManager userManager) {
        this.userManager = Objects.requireNonNull(userManager, "userManager");
    }

    @Override
    public boolean isSystemAdministrator(String username) {
        UserProfile profile = userManager.getUserProfile(username);
        return profile != null && userManager.isSystemAdmin(profile.getUserKey());
    }

    @Override
    public boolean isMember(String username, String group) {
        UserProfile profile = userManager.getUserProfile(username);
        return profile != null && userManager.isUserInGroup(profile.getUserKey(), group);
    }
}
