package com.atlassian.sal.api.user;

import java.security.Principal;
import javax.servlet.http.HttpServletRequest;

/**
 * Declaration only, the host provides the real interface (SAL 5.1.4; an OSGi service in all four products). Only the
 * members Lanyard calls or is about to call are declared. Evidence: docs/host-evidence.md, topics 1.2 and 2.3.
 */
public interface UserManager {

    UserProfile getRemoteUser(HttpServletRequest request);

    UserKey getRemoteUserKey(HttpServletRequest request);

    UserProfile getUserProfile(String username);

    UserProfile getUserProfile(UserKey userKey);

    boolean isUserInGroup(UserKey userKey, String group);

    boolean isAdmin(UserKey userKey);

    boolean isSystemAdmin(UserKey userKey);

    boolean isLicensed(UserKey userKey);

    /**
     * The product's principal for {@code username}, as its SAL authentication listener and controller expect it, or
     * null when there is no such user.
     */
    Principal resolve(String username) throws UserResolutionException;
}
