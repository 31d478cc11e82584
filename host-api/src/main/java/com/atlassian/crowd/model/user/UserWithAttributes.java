package com.atlassian.crowd.model.user;

/** Declaration only, the host provides the real interface (crowd-integration-api 5.1.6). */
public interface UserWithAttributes extends User, com.atlassian.crowd.embedded.api.UserWithAttributes {
}
