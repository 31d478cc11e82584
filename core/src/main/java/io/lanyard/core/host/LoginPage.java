package io.lanyard.core.host;

import java.util.List;
import java.util.Objects;

/**
 * Where a host shows its own login page, the query parameter in which it passes the page the user wanted, and where
 * a person logs out. The login filter intercepts the login paths; error pages link back to {@link #primaryPath()};
 * the admin pages' own header (where no host decorator draws the host's) links to {@link #logoutPath()}.
 *
 * @param paths           paths relative to the context path, each starting with {@code /}; the first is the primary
 * @param returnParameter the query parameter holding the destination, e.g. {@code os_destination}
 * @param logoutPath      the host's logout URL relative to the context path (docs/host-evidence.md §4.3), e.g.
 *                        {@code /logout}
 */
public record LoginPage(List<String> paths, String returnParameter, String logoutPath) {

    public static final LoginPage JIRA = new LoginPage(List.of("/login.jsp"), "os_destination", "/logout");
    public static final LoginPage CONFLUENCE = new LoginPage(List.of("/login.action"), "os_destination",
            "/logout.action");
    public static final LoginPage BITBUCKET = new LoginPage(List.of("/login"), "next", "/j_atl_security_logout");
    public static final LoginPage BAMBOO = new LoginPage(List.of("/userlogin!doDefault.action"), "os_destination",
            "/userLogout.action");
    public static final LoginPage SANDBOX = new LoginPage(List.of("/login"), "os_destination", "/logout");

    public LoginPage {
        paths = List.copyOf(paths);
        Objects.requireNonNull(returnParameter, "returnParameter");
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("a login page needs at least one path");
        }
        for (String path : paths) {
            requireAbsolute("login page", path);
        }
        requireAbsolute("logout", Objects.requireNonNull(logoutPath, "logoutPath"));
    }

    /** The path links point to (e.g. "Sign in with a local account"). */
    public String primaryPath() {
        return paths.get(0);
    }

    private static void requireAbsolute(String what, String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException(what + " paths start with /: " + path);
        }
    }
}
