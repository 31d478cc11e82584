package com.atlassian.bitbucket.auth;

import com.atlassian.bitbucket.user.ApplicationUser;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Declaration only, the host provides the real interface (Bitbucket javadoc 7.5, 7.21, 9.4; since 4.12; imported by
 * Atlassian's own SSO plugin). Evidence: docs/host-evidence.md, topic 4.
 */
public interface RememberMeService {

    /** {@code null} when the cookie does not authenticate; the cookie is then cleared. */
    ApplicationUser authenticate(HttpServletRequest request, HttpServletResponse response);

    void createCookie(HttpServletRequest request, HttpServletResponse response);

    /** Clears the remember-me cookie and removes every token of its series. */
    void logout(HttpServletRequest request, HttpServletResponse response);
}
