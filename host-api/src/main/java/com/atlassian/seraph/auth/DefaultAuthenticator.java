package com.atlassian.seraph.auth;

/**
 * Declaration only, the host provides the real class (Seraph 4.1.4: {@code public abstract class DefaultAuthenticator
 * extends AbstractAuthenticator}).
 *
 * <p>The keys are {@code public static final} compile-time constants with these values, exactly as in Seraph, so javac
 * inlines them into Lanyard's bytecode as it does for code compiled against the real Seraph: nothing is linked at run
 * time, so no Seraph can fail a login with {@code NoSuchFieldError} (an older Seraph without
 * {@code LOGGED_IN_USER_ID_KEY} simply ignores that attribute). Evidence: docs/host-evidence.md, topic 1.3.
 */
public abstract class DefaultAuthenticator {

    /** The principal (Seraph 4.1+ reads {@link #LOGGED_IN_USER_ID_KEY} first; Confluence reads only this one). */
    @Deprecated
    public static final String LOGGED_IN_KEY = "seraph_defaultauthenticator_user";
    /** The principal's name, which Seraph 4.1+ reads before {@link #LOGGED_IN_KEY} and reloads the user by. */
    public static final String LOGGED_IN_USER_ID_KEY = "seraph_defaultauthenticator_user_id";
    public static final String LOGGED_OUT_KEY = "seraph_defaultauthenticator_logged_out_user";

    protected DefaultAuthenticator() {
        throw new UnsupportedOperationException("declaration only");
    }
}
