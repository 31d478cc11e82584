package com.atlassian.crowd.embedded.api;

import java.security.Principal;

/**
 * Declaration only, the host provides the real interface (embedded-crowd-api 5.1.6; {@link #getName()} comes from
 * {@link Principal}). Evidence: docs/host-evidence.md, topic 2.2.
 */
public interface User extends Comparable<User>, Principal {

    long getDirectoryId();

    boolean isActive();

    String getEmailAddress();

    String getDisplayName();
}
