package io.lanyard.core.host;

/**
 * Port: the host's answer to "may this account do that?" by its groups: whether it is a system administrator, and
 * whether it is in a group. Emergency access asks it after a password login; the products answer through SAL's
 * {@code UserManager}, the sandbox from its directory. An account the host does not know is in no group.
 */
public interface GroupMembership {

    boolean isSystemAdministrator(String username);

    boolean isMember(String username, String group);
}
