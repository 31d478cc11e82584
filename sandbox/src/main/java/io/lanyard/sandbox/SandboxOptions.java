package io.lanyard.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How the sandbox runs.
 *
 * @param port                 HTTP port of the sandbox on 127.0.0.1; 0 picks a free one
 * @param home                 the sandbox's home folder; Lanyard's files go to {@code <home>/lanyard}
 * @param identityProviderPort port of the built-in identity provider when a new {@code provider.xml} is written;
 *                             0 picks a free one
 */
public record SandboxOptions(int port, Path home, int identityProviderPort) {

    public static final int DEFAULT_PORT = 8080;

    public SandboxOptions {
        Objects.requireNonNull(home, "home");
        checkPort(port);
        checkPort(identityProviderPort);
        if (port != 0 && port == identityProviderPort) {
            throw new IllegalArgumentException("the sandbox and its identity provider need different ports");
        }
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Free ports for both servers: what tests use. */
    public static SandboxOptions onFreePorts(Path home) {
        return new SandboxOptions(0, home, 0);
    }

    public static Path defaultHome() {
        return Path.of(System.getProperty("user.home"), ".lanyard-sandbox");
    }

    /**
     * Parses the command line.
     *
     * @throws UsageException with one line saying what is wrong
     * @throws HelpRequested  when {@code --help} was given
     */
    public static SandboxOptions parse(List<String> arguments) throws UsageException, HelpRequested {
        return SandboxCommandLine.parse(arguments);
    }

    /** Thrown by {@link #parse} for {@code --help}: not an error, but the end of parsing. */
    public static final class HelpRequested extends Exception {
        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super("help requested", null, false, false);
        }
    }
}
