package com.atlassian.jira.security.login;

import com.atlassian.jira.bc.security.login.LoginResult;
import javax.servlet.http.HttpServletRequest;

/** Declaration only, the host provides the real interface. */
public interface LoginManager {

    LoginResult onLoginAttempt(HttpServletRequest httpServletRequest, String userName, boolean loginSuccessful);
}
