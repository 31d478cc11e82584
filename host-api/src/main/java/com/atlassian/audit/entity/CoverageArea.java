package com.atlassian.audit.entity;

/** Declaration only, the host provides the real enum (atlassian-audit-api 1.16.2; constants resolve by name). */
public enum CoverageArea {
    AUDIT_LOG,
    GLOBAL_CONFIG_AND_ADMINISTRATION,
    USER_MANAGEMENT,
    PERMISSIONS,
    LOCAL_CONFIG_AND_ADMINISTRATION,
    SECURITY,
    END_USER_ACTIVITY,
    ECOSYSTEM
}
