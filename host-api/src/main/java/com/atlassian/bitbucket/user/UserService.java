package com.atlassian.bitbucket.user;

/**
 * Declaration only, the host provides the real interface. {@code getUserByName} is CONFIRMED (Bitbucket javadoc).
 * Evidence: docs/host-evidence.md, topic 2.3.
 */
public interface UserService {

    ApplicationUser getUserByName(String username);

    /**
     * UNCONFIRMED: no public evidence of this method was found (docs/host-evidence.md, topic 2.3, "Find a user by
     * e-mail"). Lanyard calls it only behind a {@code LinkageError} catch, so a Bitbucket without it loses the e-mail
     * lookup, nothing else.
     */
    ApplicationUser findUserByNameOrEmail(String value);
}
