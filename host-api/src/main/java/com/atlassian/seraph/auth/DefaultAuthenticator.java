package com.atlassian.seraph.auth;

/**
 * Declaration only, the host provides the real class.
 *
 * <p>The keys are {@code public static} and deliberately NOT {@code final}, as in Seraph: javac then reads them
 * from the host's class at runtime instead of copying these values into our bytecode.
 */
public class DefaultAuthenticator {

    // Not final on purpose (see the class comment).
    public static String LOGGED_IN_KEY = "seraph_defaultauthenticator_user";
    public static String LOGGED_OUT_KEY = "seraph_defaultauthenticator_logged_out_user";

    protected DefaultAuthenticator() {
        throw new UnsupportedOperationException("declaration only");
    }
}
