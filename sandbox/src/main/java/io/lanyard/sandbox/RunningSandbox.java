package io.lanyard.sandbox;

import io.lanyard.core.host.ClusterState;
import io.lanyard.sandbox.cluster.HazelcastClusterState;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.plugin.lifecycle.LanyardSecrets;
import io.lanyard.sandbox.graph.GraphStandIn;
import io.lanyard.sandbox.host.SandboxUserDirectory;
import io.lanyard.sandbox.idp.BuiltInProvider;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.startup.Tomcat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started sandbox; {@link #close()} stops Tomcat and the built-in provider (once, from any thread). */
public final class RunningSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningSandbox.class);

    private final Tomcat tomcat;
    private final BuiltInProvider builtInProvider;
    private final GraphStandIn graphStandIn;
    private final URI baseUrl;
    private final Path home;
    private final Path lanyardDirectory;
    private final ConfigurationHolder configuration;
    private final SandboxUserDirectory directory;
    private final LanyardSecrets secrets;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ClusterState cluster;
    private final SandboxDirectorySync directorySync;

    RunningSandbox(Tomcat tomcat, BuiltInProvider builtInProvider, GraphStandIn graphStandIn, URI baseUrl, Path home,
            Path lanyardDirectory, ConfigurationHolder configuration, SandboxUserDirectory directory,
            LanyardSecrets secrets, ClusterState cluster, SandboxDirectorySync directorySync) {
        this.cluster = cluster;
        this.directorySync = directorySync;
        this.tomcat = tomcat;
        this.builtInProvider = builtInProvider;
        this.graphStandIn = graphStandIn;
        this.baseUrl = baseUrl;
        this.home = home;
        this.lanyardDirectory = lanyardDirectory;
        this.configuration = configuration;
        this.directory = directory;
        this.secrets = secrets;
    }

    /** The sandbox's users and groups, as its own administration would see and change them. */
    public SandboxUserDirectory directory() {
        return directory;
    }

    /** Its secrets and keys: signing keys (the JWKS), expiry, this node's report. */
    public LanyardSecrets secrets() {
        return secrets;
    }

    /** The configuration in force (the admin pages replace it after a validated save). */
    public LanyardConfiguration configuration() {
        return configuration.current();
    }

    /**
     * The base URL Lanyard uses, without a trailing slash: {@code http://localhost:<port>}, or the cluster's address for
     * a second node.
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The port this sandbox's Tomcat listens on, on 127.0.0.1. */
    public int tomcatPort() {
        return tomcat.getConnector().getLocalPort();
    }

    public Path home() {
        return home;
    }

    /** Where {@code provider.xml} lives. */
    public Path lanyardDirectory() {
        return lanyardDirectory;
    }

    /** The sandbox's own Entra ID and Graph stand-in, when it runs ({@code --entra-stand-in built-in}). */
    public Optional<URI> graphStandIn() {
        return Optional.ofNullable(graphStandIn).map(GraphStandIn::url);
    }

    /** What this node shares with the other nodes of its cluster (a lone sandbox: nobody). */
    public ClusterState cluster() {
        return cluster;
    }

    /** The built-in provider's issuer, when this sandbox runs it. */
    public Optional<URI> builtInIssuer() {
        return Optional.ofNullable(builtInProvider).map(BuiltInProvider::issuer);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        SandboxTomcat.stopQuietly(tomcat);
        directorySync.close();
        secrets.close();
        if (builtInProvider != null) {
            builtInProvider.close();
        }
        if (graphStandIn != null) {
            graphStandIn.close();
        }
        if (cluster instanceof HazelcastClusterState member) {
            member.close();
        }
        LOG.info("Sandbox at {} stopped", baseUrl);
    }
}
