package io.lanyard.sandbox.host;

import io.lanyard.core.host.HostUser;
import java.util.Objects;
import java.util.Set;

/**
 * An account of the sandbox: what the core sees ({@link HostUser}) plus what a product keeps beside it.
 *
 * @param user                the account as Lanyard sees it
 * @param groups              group memberships
 * @param systemAdministrator whether the account may administer the sandbox (and, later, Lanyard)
 */
public record SandboxUser(HostUser user, Set<String> groups, boolean systemAdministrator) {

    public SandboxUser {
        Objects.requireNonNull(user, "user");
        groups = Set.copyOf(groups);
    }

    public String username() {
        return user.username();
    }
}
