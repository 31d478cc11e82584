package com.atlassian.bitbucket.auth;

import com.atlassian.bitbucket.user.ApplicationUser;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Declaration only, the host provides the real interface. */
public interface HttpLogoutHandler {

    void logout(ApplicationUser user, HttpServletRequest request, HttpServletResponse response);
}
