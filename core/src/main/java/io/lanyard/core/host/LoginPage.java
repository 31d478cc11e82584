package io.lanyard.core.host;

import java.util.List;
import java.util.Objects;

/**
 * Where a host shows its own login page, and the query parameter in which it passes the page the user wanted.
 * The login filter intercepts these paths; error pages link back to {@link #primaryPath()}.
 *
 * @param paths           paths relative to the context path, each starting with {@code /}; the first is the primary
 * @param returnParameter the query parameter holding the destination, e.g. {@code os_destination}
 */
public record LoginPage(List<String> paths, String returnParameter) {

    public static final LoginPage JIRA = new LoginPage(List.of("/login.jsp"), "os_destination");
    public static final LoginPage CONFLUENCE = new LoginPage(List.of("/login.action"), "os_destination");
    public static final LoginPage BITBUCKET = new LoginPage(List.of("/login"), "next");
    public static final LoginPage BAMBOO = new LoginPage(List.of("/userlogin!doDefault.action"), "os_destination");
    public static final LoginPage SANDBOX = new LoginPage(List.of("/login"), "os_destination");

    public LoginPage {
        paths = List.copyOf(paths);
        Objects.requireNonNull(returnParameter, "returnParameter");
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("a login page needs at least one path");
        }
        for (String path : paths) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("login page paths start with /: " + path);
            }
        }
    }

    /** The path links point to (e.g. "Sign in with a local account"). */
    public String primaryPath() {
        return paths.get(0);
    }
}
