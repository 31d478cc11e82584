package com.atlassian.bitbucket.auth;

import com.atlassian.bitbucket.user.ApplicationUser;

/**
 * Declaration only, the host provides the real class. The bodies keep the user, so that fake hosts in tests can
 * see the result a handler built.
 */
public class AuthenticationResult {

    private final ApplicationUser user;

    protected AuthenticationResult(ApplicationUser user) {
        this.user = user;
    }

    public ApplicationUser getUser() {
        return user;
    }

    /** Declaration only, the host provides the real class. */
    public static class Builder {

        private final ApplicationUser user;

        public Builder(ApplicationUser user) {
            this.user = user;
        }

        public AuthenticationResult build() {
            return new AuthenticationResult(user);
        }
    }
}
