package com.atlassian.crowd.model.user;

import com.atlassian.crowd.model.DirectoryEntity;
import java.security.Principal;

/**
 * Declaration only, the host provides the real interface (crowd-integration-api 5.1.6): the user type of Crowd's
 * {@code DirectoryManager}, an embedded-API {@code User} as well. Evidence: docs/host-evidence.md, topic 2.
 */
public interface User extends Principal, DirectoryEntity, com.atlassian.crowd.embedded.api.User {

    String getFirstName();

    String getLastName();

    String getExternalId();
}
