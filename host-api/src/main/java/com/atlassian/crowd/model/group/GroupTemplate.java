package com.atlassian.crowd.model.group;

import java.io.Serializable;

/**
 * Declaration only, the host provides the real class (crowd-api 5.1.6): a new group for
 * {@code DirectoryManager.addGroup(long, GroupTemplate)}. The body keeps its values for fake hosts in tests. Evidence:
 * docs/host-evidence.md, topic 2.
 */
public class GroupTemplate implements Group, Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final long directoryId;
    private final GroupType type;
    private boolean active = true;
    private String description;

    public GroupTemplate(String name, long directoryId, GroupType type) {
        this.name = name;
        this.directoryId = directoryId;
        this.type = type;
    }

    public GroupTemplate(String name, long directoryId) {
        this(name, directoryId, GroupType.GROUP);
    }

    public GroupTemplate(String name) {
        this(name, -1L);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public long getDirectoryId() {
        return directoryId;
    }

    @Override
    public GroupType getType() {
        return type;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    @Override
    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    @Override
    public String getExternalId() {
        return null;
    }

    /** By name, ignoring case: enough for fake hosts (the real class uses Crowd's own comparator). */
    @Override
    public int compareTo(Group other) {
        return String.CASE_INSENSITIVE_ORDER.compare(name, other.getName());
    }
}
