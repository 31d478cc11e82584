package com.atlassian.sal.api.user;

import java.io.Serializable;
import java.util.Objects;

/**
 * Declaration only, the host provides the real class. A {@code final} value class in SAL, so this module must
 * never be embedded in a plugin (a second copy would not be the host's type). The body only keeps its value, so
 * that fake hosts in tests can hand keys around.
 */
public final class UserKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String userKey;

    public UserKey(String userKey) {
        this.userKey = Objects.requireNonNull(userKey, "userKey");
    }

    public String getStringValue() {
        return userKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserKey && ((UserKey) other).userKey.equals(userKey);
    }

    @Override
    public int hashCode() {
        return userKey.hashCode();
    }

    @Override
    public String toString() {
        return userKey;
    }
}
