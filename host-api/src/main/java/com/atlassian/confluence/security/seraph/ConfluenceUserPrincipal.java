package com.atlassian.confluence.security.seraph;

import com.atlassian.confluence.user.ConfluenceUser;
import java.io.Serializable;
import java.security.Principal;

/**
 * Declaration only, the host provides the real class. The body keeps the user's name, so that fake hosts in tests
 * can see whom the principal stands for.
 */
public class ConfluenceUserPrincipal implements Principal, Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;

    public ConfluenceUserPrincipal(ConfluenceUser user) {
        this.name = user.getName();
    }

    @Override
    public String getName() {
        return name;
    }
}
