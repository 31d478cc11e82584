package io.lanyard.sandbox;

import io.lanyard.core.host.HostProduct;
import io.lanyard.core.http.Urls;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the sandbox runs.
 *
 * @param port                 HTTP port of the sandbox on 127.0.0.1; 0 picks a free one
 * @param home                 the sandbox's home folder; Lanyard's files go to {@code <home>/lanyard}
 * @param identityProviderPort port of the built-in identity provider; 0 picks a free one. A sandbox started before
 *                             keeps the port its {@code provider.xml} has, unless this port was given
 * @param identityProviderPortGiven whether a person gave {@code --idp-port}: then a built-in provider stored in
 *                             {@code provider.xml} with another port is moved there (the file is rewritten)
 * @param product              the product and version the sandbox pretends to be (what Lanyard's host-product port
 *                             reports), e.g. {@code bitbucket 9.4.2} to try secured properties
 * @param entraStandIn         a local stand-in for Microsoft Entra ID and Microsoft Graph (e.g. WireMock) that the
 *                             Cloud integration page's "Test" calls instead of Microsoft: the token endpoint at
 *                             {@code <url>/<tenant>/oauth2/v2.0/token}, Graph at {@code <url>/v1.0/...}; loopback
 *                             only. A sandbox option: the products always call Microsoft.
 * @param cluster              the address of the load balancer in front of the cluster ({@code --cluster URL}): this
 *                             sandbox is then a node of it, with that base URL and an embedded Hazelcast member that
 *                             joins the other sandboxes of the same home on this machine
 * @param signInDemo           a new home starts with the sign-in experience to try (the command line's default): two
 *                             built-in providers (the second, "Contractors", under its own issuer) and single sign-on
 *                             enforced with emergency access for system administrators; otherwise one provider and
 *                             Lanyard's defaults (what most tests and the benchmarks use)
 */
public record SandboxOptions(int port, Path home, int identityProviderPort, boolean identityProviderPortGiven,
        HostProduct product, Optional<URI> entraStandIn, Optional<URI> cluster, boolean signInDemo) {

    public static final int DEFAULT_PORT = 8080;
    public static final HostProduct DEFAULT_PRODUCT = HostProduct.of(HostProduct.JIRA, "10.3.0");

    public SandboxOptions {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(entraStandIn, "entraStandIn");
        Objects.requireNonNull(cluster, "cluster");
        entraStandIn.ifPresent(SandboxOptions::checkStandIn);
        checkPort(port);
        checkPort(identityProviderPort);
        if (port != 0 && port == identityProviderPort) {
            throw new IllegalArgumentException("the sandbox and its identity provider need different ports");
        }
    }

    /** Without the sign-in demo. */
    public SandboxOptions(int port, Path home, int identityProviderPort, boolean identityProviderPortGiven,
            HostProduct product, Optional<URI> entraStandIn, Optional<URI> cluster) {
        this(port, home, identityProviderPort, identityProviderPortGiven, product, entraStandIn, cluster, false);
    }

    /** Connector tests call Microsoft; a stored built-in provider keeps its port. */
    public SandboxOptions(int port, Path home, int identityProviderPort, HostProduct product) {
        this(port, home, identityProviderPort, false, product, Optional.empty(), Optional.empty());
    }

    /** Pretending to be the default product, {@link #DEFAULT_PRODUCT}. */
    public SandboxOptions(int port, Path home, int identityProviderPort) {
        this(port, home, identityProviderPort, DEFAULT_PRODUCT);
    }

    /** The same options, pretending to be another product (e.g. Bitbucket 9 in tests of secured properties). */
    public SandboxOptions as(HostProduct otherProduct) {
        return new SandboxOptions(port, home, identityProviderPort, identityProviderPortGiven, otherProduct,
                entraStandIn, cluster, signInDemo);
    }

    /** The same options, with the sign-in demo on a new home. */
    public SandboxOptions withSignInDemo() {
        return new SandboxOptions(port, home, identityProviderPort, identityProviderPortGiven, product, entraStandIn,
                cluster, true);
    }

    /** The same options, with Entra ID connector tests sent to a local stand-in at {@code url}. */
    public SandboxOptions withEntraStandIn(URI url) {
        return new SandboxOptions(port, home, identityProviderPort, identityProviderPortGiven, product,
                Optional.of(url), cluster, signInDemo);
    }

    /** The same options, as a node of the cluster behind {@code loadBalancer}. */
    public SandboxOptions inCluster(URI loadBalancer) {
        return new SandboxOptions(port, home, identityProviderPort, identityProviderPortGiven, product, entraStandIn,
                Optional.of(loadBalancer), signInDemo);
    }

    /** A connector's client secret goes to the stand-in: it must be on this machine. */
    private static void checkStandIn(URI url) {
        if (!url.isAbsolute() || url.getHost() == null || !Urls.isLoopbackHost(url.getHost())
                || !(url.getScheme().equals("http") || url.getScheme().equals("https"))
                || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("the Entra ID stand-in must be an http(s) URL on this machine"
                    + " (localhost, 127.0.0.1 or [::1]) without query or fragment");
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
