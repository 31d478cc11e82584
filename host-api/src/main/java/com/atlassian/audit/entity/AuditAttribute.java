package com.atlassian.audit.entity;

/**
 * Declaration only, the host provides the real class (atlassian-audit-api 1.16.2). The body keeps its values for
 * fake hosts in tests.
 */
public class AuditAttribute {

    private final String name;
    private final String value;

    public AuditAttribute(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }
}
