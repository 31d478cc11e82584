package com.atlassian.crowd.embedded.api;

import java.security.Principal;

/** Declaration only, the host provides the real interface ({@link #getName()} comes from {@link Principal}). */
public interface User extends Principal {

    boolean isActive();

    String getEmailAddress();

    String getDisplayName();
}
