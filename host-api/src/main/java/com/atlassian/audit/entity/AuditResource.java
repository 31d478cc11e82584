package com.atlassian.audit.entity;

/**
 * Declaration only, the host provides the real class (atlassian-audit-api 1.16.2): an affected object. The body
 * keeps its values for fake hosts in tests.
 */
public class AuditResource {

    private final String name;
    private final String type;
    private final String uri;
    private final String id;

    AuditResource(Builder builder) {
        this.name = builder.name;
        this.type = builder.type;
        this.uri = builder.uri;
        this.id = builder.id;
    }

    public static Builder builder(String name, String type) {
        return new Builder(name, type);
    }

    public String getName() {
        return name;
    }

    public String getType() {
        return type;
    }

    public String getUri() {
        return uri;
    }

    public String getId() {
        return id;
    }

    /** Declaration only, the host provides the real class. */
    public static class Builder {

        private String name;
        private String type;
        private String uri;
        private String id;

        Builder(String name, String type) {
            this.name = name;
            this.type = type;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder uri(String uri) {
            this.uri = uri;
            return this;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public AuditResource build() {
            return new AuditResource(this);
        }
    }
}
