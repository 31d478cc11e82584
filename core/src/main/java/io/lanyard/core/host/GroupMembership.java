package io.lanyard.core.host;

/**
 * Port: the host's answer to "may this account do that?" by its groups: whether it is a system administrator, and
 * whether it is in a group. Emergency access asks it after a password login; the products answer through SAL's
 * {@code UserManager}, the sandbox from its directory. An account the host does not know is in no group.
 */
public interface GroupMembership {

    boolean isSystemAdministrator(String username);

    boolean isMember(String username, String group);

    /**
     * Membership read from the direct groups of {@link GroupWrites} (case-insensitively, as the products compare group
     * names), for a product that has no adapter of its own for this port: nested groups are not followed, and nobody
     * counts as a system administrator. A failure to read is "not a member".
     */
    static GroupMembership directGroupsOf(GroupWrites groups) {
        return new GroupMembership() {
            @Override
            public boolean isSystemAdministrator(String username) {
                return false;
            }

            @Override
            public boolean isMember(String username, String group) {
                try {
                    return groups.of(username).direct().stream().anyMatch(group::equalsIgnoreCase);
                } catch (RuntimeException unreadable) {
                    return false;
                }
            }
        };
    }
}
