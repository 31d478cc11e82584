package io.lanyard.core.host;

import java.util.Objects;

/**
 * An account of the host application, as Lanyard sees it.
 *
 * @param username the host's username (Jira, Confluence, Bamboo: the login name; Bitbucket: the slug's owner name)
 * @param displayName the full name
 * @param email the e-mail address, or empty if the host has none
 * @param active whether the host lets this account log in
 */
public record HostUser(String username, String displayName, String email, boolean active) {

    public HostUser {
        Objects.requireNonNull(username, "username");
        displayName = displayName == null ? username : displayName;
        email = email == null ? "" : email;
    }
}
