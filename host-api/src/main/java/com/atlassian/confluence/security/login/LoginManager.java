package com.atlassian.confluence.security.login;

import javax.servlet.http.HttpServletRequest;

/** Declaration only, the host provides the real interface. */
public interface LoginManager {

    void onSuccessfulLoginAttempt(String userName, HttpServletRequest request);
}
