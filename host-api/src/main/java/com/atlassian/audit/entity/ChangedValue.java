package com.atlassian.audit.entity;

/**
 * Declaration only, the host provides the real class (atlassian-audit-api 1.16.2). The body keeps its values for
 * fake hosts in tests.
 */
public class ChangedValue {

    private final String key;
    private final String from;
    private final String to;

    public ChangedValue(String key, String from, String to) {
        this.key = key;
        this.from = from;
        this.to = to;
    }

    public String getKey() {
        return key;
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }
}
