package com.atlassian.jira.security.login;

import com.atlassian.jira.bc.security.login.LoginInfo;
import javax.servlet.http.HttpServletRequest;

/**
 * Declaration only, the host provides the real interface (Jira 4.0 to 9.12 read; 10 and 11 PLAUSIBLE). The JVM links
 * a call on owner, name, parameter and return types: the return type is {@code LoginInfo} (an earlier declaration
 * said {@code LoginResult}, so every call failed with {@code NoSuchMethodError}). Evidence: docs/host-evidence.md,
 * topic 1.2.
 */
public interface LoginManager {

    /** Records a login attempt: a successful one resets the failed-login count and CAPTCHA and sets the last login. */
    LoginInfo onLoginAttempt(HttpServletRequest httpServletRequest, String userName, boolean loginSuccessful);
}
