package com.atlassian.crowd.embedded.api;

import java.io.Serializable;

/**
 * Declaration only, the host provides the real class (embedded-crowd-api 5.1.6). The body keeps its values, so that
 * fake hosts in tests can check what a new account was given. {@link #NONE} is Crowd's "no usable password" value;
 * Atlassian's own just-in-time provisioning passes a random unencrypted password instead. Evidence:
 * docs/host-evidence.md, topic 2.
 */
public class PasswordCredential implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Not a compile-time constant: read from the host at run time. */
    public static final PasswordCredential NONE = encrypted("X");

    private final String credential;
    private final boolean encryptedCredential;

    public PasswordCredential(String unencryptedCredential) {
        this(unencryptedCredential, false);
    }

    public PasswordCredential(String credential, boolean encryptedCredential) {
        this.credential = credential;
        this.encryptedCredential = encryptedCredential;
    }

    public static PasswordCredential encrypted(String encryptedCredential) {
        return new PasswordCredential(encryptedCredential, true);
    }

    public static PasswordCredential unencrypted(String unencryptedCredential) {
        return new PasswordCredential(unencryptedCredential, false);
    }

    public String getCredential() {
        return credential;
    }

    public boolean isEncryptedCredential() {
        return encryptedCredential;
    }

    @Override
    public String toString() {
        return "PasswordCredential[********]";
    }
}
