package io.lanyard.core.host;

import java.util.Objects;

/**
 * A user directory of the host (Crowd's internal directory, an LDAP directory with local writes, ...).
 *
 * @param id   the host's id for it
 * @param name its name as administrators see it in the host's "User directories" page, and as Lanyard's settings
 *             name it
 */
public record HostDirectory(String id, String name) {

    public HostDirectory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
