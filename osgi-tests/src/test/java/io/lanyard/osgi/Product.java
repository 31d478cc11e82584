package io.lanyard.osgi;

import java.nio.file.Path;

/** The four products, as their plugin jars name them. */
enum Product {
    JIRA("jira"),
    CONFLUENCE("confluence"),
    BITBUCKET("bitbucket"),
    BAMBOO("bamboo");

    private final String id;

    Product(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /** Bundle-SymbolicName, Atlassian-Plugin-Key and descriptor key alike. */
    String pluginKey() {
        return "io.lanyard.lanyard-" + id;
    }

    Path jar(Generation generation) {
        return OsgiFiles.directory().resolve("plugins").resolve("lanyard-" + id + generation.jarSuffix() + ".jar");
    }
}
