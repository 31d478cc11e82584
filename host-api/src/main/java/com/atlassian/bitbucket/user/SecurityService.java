package com.atlassian.bitbucket.user;

import com.atlassian.bitbucket.permission.Permission;

/**
 * Declaration only, the host provides the real interface (Bitbucket javadoc 6.10, 7.17, 9.3: "allows plugins to
 * perform operations as a particular user"). Only the member Lanyard calls is declared: a context with an added
 * permission, for {@code UserAdminService} calls made during a login, when no administrator is logged in. Evidence:
 * docs/host-evidence.md, topic 2.3.
 */
public interface SecurityService {

    EscalatedSecurityContext withPermission(Permission permission, String reason);
}
