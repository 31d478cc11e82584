package com.atlassian.audit.entity;

/**
 * Declaration only, the host provides the real enum (atlassian-audit-api 1.16.2; constants resolve by name). ADVANCED
 * and FULL are recorded on Data Center licences only.
 */
public enum CoverageLevel {
    BASE,
    ADVANCED,
    FULL
}
