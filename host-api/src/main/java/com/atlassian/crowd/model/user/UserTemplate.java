package com.atlassian.crowd.model.user;

import java.io.Serializable;
import java.util.Locale;

/**
 * Declaration only, the host provides the real class (crowd-api 5.1.6): the mutable user handed to
 * {@code CrowdService.updateUser} and {@code DirectoryManager.addUser/updateUser}. The body keeps its values, as the
 * real one does, so that fake hosts in tests can read what was written. Evidence: docs/host-evidence.md, topic 2.
 */
public class UserTemplate implements User, Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private long directoryId;
    private boolean active = true;
    private String emailAddress;
    private String firstName;
    private String lastName;
    private String displayName;
    private String externalId;

    public UserTemplate(String username, long directoryId) {
        this.name = username;
        this.directoryId = directoryId;
    }

    public UserTemplate(String name) {
        this(name, -1L);
    }

    /** A copy of {@code user}, its directory id included. */
    public UserTemplate(com.atlassian.crowd.embedded.api.User user) {
        this(user.getName(), user.getDirectoryId());
        this.active = user.isActive();
        this.emailAddress = user.getEmailAddress();
        this.displayName = user.getDisplayName();
    }

    public UserTemplate(User user) {
        this((com.atlassian.crowd.embedded.api.User) user);
        this.firstName = user.getFirstName();
        this.lastName = user.getLastName();
        this.externalId = user.getExternalId();
    }

    @Override
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public long getDirectoryId() {
        return directoryId;
    }

    public void setDirectoryId(long directoryId) {
        this.directoryId = directoryId;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    @Override
    public String getEmailAddress() {
        return emailAddress;
    }

    public void setEmailAddress(String emailAddress) {
        this.emailAddress = emailAddress;
    }

    @Override
    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    @Override
    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    @Override
    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    /** By name, ignoring case, as Crowd orders users. */
    @Override
    public int compareTo(com.atlassian.crowd.embedded.api.User other) {
        return name.toLowerCase(Locale.ROOT).compareTo(other.getName().toLowerCase(Locale.ROOT));
    }
}
