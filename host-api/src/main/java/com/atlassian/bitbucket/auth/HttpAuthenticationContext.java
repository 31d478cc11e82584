package com.atlassian.bitbucket.auth;

import javax.servlet.http.HttpServletRequest;

/** Declaration only, the host provides the real interface. */
public interface HttpAuthenticationContext {

    HttpServletRequest getRequest();
}
