package io.lanyard.core.config;

/** How a mapped identity is matched to an existing account of the host. */
public enum UserLookup {
    /** By the mapped username only. */
    USERNAME,
    /** By the mapped username; when no such user exists, by the {@code email} claim (if it is unique). */
    USERNAME_THEN_EMAIL
}
