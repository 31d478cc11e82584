package com.atlassian.confluence.user;

/**
 * Declaration only, the host provides the real class. The body keeps the user in a thread local, as the real one
 * does, so that fake hosts in tests can see what was set.
 */
public class AuthenticatedUserThreadLocal {

    private static final ThreadLocal<ConfluenceUser> USER = new ThreadLocal<>();

    protected AuthenticatedUserThreadLocal() {
        throw new UnsupportedOperationException("declaration only");
    }

    public static void set(ConfluenceUser user) {
        USER.set(user);
    }

    public static ConfluenceUser get() {
        return USER.get();
    }
}
