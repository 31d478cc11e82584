package com.atlassian.bitbucket.auth;

/** Declaration only, the host provides the real interface. */
public interface HttpAuthenticationHandler {

    /** {@code null}: not this handler's request. */
    AuthenticationResult performAuthentication(HttpAuthenticationContext context);

    /** Called on every authenticated request; throws to expire the session. */
    void validateAuthentication(HttpAuthenticationContext context);
}
