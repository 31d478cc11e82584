package io.lanyard.sandbox;

import io.lanyard.core.host.HostProduct;
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
 * @param product              the product and version the sandbox pretends to be (what Lanyard's host-product port
 *                             reports), e.g. {@code bitbucket 9.4.2} to try secured properties
 */
public record SandboxOptions(int port, Path home, int identityProviderPort, HostProduct product) {

    public static final int DEFAULT_PORT = 8080;
    public static final HostProduct DEFAULT_PRODUCT = HostProduct.of(HostProduct.JIRA, "10.3.0");

    public SandboxOptions {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(product, "product");
        checkPort(port);
        checkPort(identityProviderPort);
        if (port != 0 && port == identityProviderPort) {
            throw new IllegalArgumentException("the sandbox and its identity provider need different ports");
        }
    }

    /** Pretending to be the default product, {@link #DEFAULT_PRODUCT}. */
    public SandboxOptions(int port, Path home, int identityProviderPort) {
        this(port, home, identityProviderPort, DEFAULT_PRODUCT);
    }

    /** The same options, pretending to be another product (e.g. Bitbucket 9 in tests of secured properties). */
    public SandboxOptions as(HostProduct otherProduct) {
        return new SandboxOptions(port, home, identityProviderPort, otherProduct);
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
