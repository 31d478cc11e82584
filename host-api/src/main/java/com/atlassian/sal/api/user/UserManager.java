package com.atlassian.sal.api.user;

import javax.servlet.http.HttpServletRequest;

/** Declaration only, the host provides the real interface. */
public interface UserManager {

    UserProfile getRemoteUser(HttpServletRequest request);

    UserKey getRemoteUserKey(HttpServletRequest request);

    boolean isSystemAdmin(UserKey userKey);
}
