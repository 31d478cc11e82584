package io.lanyard.osgi;

import java.nio.file.Path;

/** The two servlet generations of the products (Platform 7: javax; Platform 8: jakarta). */
enum Generation {
    JAVAX("javax.servlet", "", "javax.servlet-api.jar", "lanyard-host-api.jar"),
    JAKARTA("jakarta.servlet", "-jakarta", "jakarta.servlet-api.jar", "lanyard-host-api-jakarta.jar");

    private final String servletPackage;
    private final String jarSuffix;
    private final String servletApiJar;
    private final String hostApiJar;

    Generation(String servletPackage, String jarSuffix, String servletApiJar, String hostApiJar) {
        this.servletPackage = servletPackage;
        this.jarSuffix = jarSuffix;
        this.servletApiJar = servletApiJar;
        this.hostApiJar = hostApiJar;
    }

    String servletPackage() {
        return servletPackage;
    }

    /** {@code javax.servlet.http.HttpServletRequest} or its jakarta twin. */
    String servletType(String simpleNameInPackage) {
        return servletPackage + "." + simpleNameInPackage;
    }

    String jarSuffix() {
        return jarSuffix;
    }

    Path servletApi() {
        return OsgiFiles.directory().resolve("host").resolve(servletApiJar);
    }

    Path hostApi() {
        return OsgiFiles.directory().resolve("host").resolve(hostApiJar);
    }
}
