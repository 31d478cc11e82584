package io.lanyard.osgi;

import java.nio.file.Path;

/** The four products, as their plugin jars name them. */
enum Product {
    JIRA("jira", "/login.jsp", "os_destination"),
    CONFLUENCE("confluence", "/login.action", "os_destination"),
    BITBUCKET("bitbucket", "/login", "next"),
    BAMBOO("bamboo", "/userlogin!doDefault.action", "os_destination");

    private final String id;
    private final String loginPage;
    private final String returnParameter;

    Product(String id, String loginPage, String returnParameter) {
        this.id = id;
        this.loginPage = loginPage;
        this.returnParameter = returnParameter;
    }

    /** The product's own login page, where Lanyard's filter starts a login. */
    String loginPage() {
        return loginPage;
    }

    /** The query parameter in which the product's login page carries the page the user wanted. */
    String returnParameter() {
        return returnParameter;
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
