package com.atlassian.bitbucket.permission;

/**
 * Declaration only, the host provides the real enum (Bitbucket javadoc, package {@code com.atlassian.bitbucket.permission},
 * "enumerates the available permissions"), which has many more constants. Only the one Lanyard names is declared:
 * the JVM links an enum constant by its name. Evidence: docs/host-evidence.md, topic 2.3.
 */
public enum Permission {
    ADMIN
}
