package com.atlassian.sal.api.auth;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Declaration only, the host provides the real interface (SAL 5.1.4; an OSGi service in all four products). Each
 * product's implementation establishes its own login session on {@link #authenticationSuccess}. Evidence:
 * docs/host-evidence.md, topic 1.
 */
public interface AuthenticationListener {

    void authenticationSuccess(Authenticator.Result result, HttpServletRequest request, HttpServletResponse response);

    void authenticationFailure(Authenticator.Result result, HttpServletRequest request, HttpServletResponse response);

    void authenticationError(Authenticator.Result result, HttpServletRequest request, HttpServletResponse response);

    void authenticationNotAttempted(HttpServletRequest request, HttpServletResponse response);
}
