package com.atlassian.bitbucket.user;

/**
 * Declaration only, the host provides the real interface: the return type of {@code UserAdminService.createGroup}.
 * Lanyard ignores the value (its members are not declared), but the JVM links the call on this type.
 */
public interface DetailedGroup {
}
