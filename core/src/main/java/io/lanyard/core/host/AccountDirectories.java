package io.lanyard.core.host;

import java.util.Optional;

/**
 * Port: which of the host's user directories an account is in (Crowd's "Internal directory", an LDAP directory), by the
 * name administrators see. Asked only for a provider restricted to one directory; one adapter for the products'
 * embedded Crowd, and the sandbox's own.
 */
@FunctionalInterface
public interface AccountDirectories {

    /**
     * @return the directory's name; empty when the host cannot say (no such account, or no API for it), which a
     *         directory restriction treats as "not that directory"
     */
    Optional<String> directoryOf(String username);

    /** For a host that cannot tell: every account's directory is unknown. */
    static AccountDirectories unknown() {
        return username -> Optional.empty();
    }
}
