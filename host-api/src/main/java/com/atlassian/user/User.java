package com.atlassian.user;

import java.security.Principal;

/** Declaration only, the host provides the real interface (Atlassian User, as Confluence exposes it). */
public interface User extends Principal {

    String getFullName();

    String getEmail();
}
