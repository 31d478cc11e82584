package io.lanyard.plugin.lifecycle;

import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.entra.AppCredentialReader;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.entra.GraphClient;
import io.lanyard.core.expiry.ExpiryMonitor;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.nodes.NodeIdentity;
import io.lanyard.core.nodes.NodeReporter;
import io.lanyard.core.nodes.NodeReports;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.signing.SigningKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything about client secrets and keys that outlives a request, put together once for products and sandbox alike:
 * the secrets as resolved at start, Lanyard's own signing keys, the watch on credential expiry, this node's report for
 * the other nodes, and the one background thread that keeps the last two current (every few minutes the node report,
 * which also confirms the encrypted store's key; twice a day the expiry check). {@link #close()} stops the thread.
 */
public final class LanyardSecrets implements AutoCloseable {

    static final Duration NODE_REPORT_EVERY = Duration.ofMinutes(5);
    static final Duration EXPIRY_CHECK_EVERY = Duration.ofHours(12);
    private static final Logger LOG = LoggerFactory.getLogger(LanyardSecrets.class);

    private final ConfigurationHolder configuration;
    private final ClientSecretResolver resolver;
    private final SigningKeys signingKeys;
    private final GraphClient graph;
    private final ExpiryMonitor expiry;
    private final Optional<NodeReports> nodeReports;
    private final Optional<NodeReporter> nodeReporter;
    private ScheduledExecutorService background;

    /**
     * @param lanyardDirectory Lanyard's folder in the shared home; empty when the application reports none (then there
     *                         are no signing keys and no node reports)
     * @param commonName       the subject of Lanyard's certificate, e.g. {@code Lanyard jira.example.com}
     * @param entraEndpoints   where Graph is called: Microsoft's in every product, a stand-in in the sandbox
     */
    public LanyardSecrets(ConfigurationHolder configuration, ClientSecretResolver resolver,
            Optional<Path> lanyardDirectory, String commonName, EntraEndpoints entraEndpoints, HttpLimits limits,
            Clock clock) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.signingKeys = lanyardDirectory.map(directory -> SigningKeys.in(directory, commonName, clock))
                .orElseGet(() -> SigningKeys.unavailable("the application reports no home folder"));
        this.graph = new GraphClient(new ProviderHttpClient(limits), resolver, signingKeys, entraEndpoints);
        this.expiry = new ExpiryMonitor(Optional.of(new AppCredentialReader(graph)), resolver, signingKeys, clock);
        this.nodeReports = lanyardDirectory.map(NodeReports::new);
        this.nodeReporter = nodeReports.map(reports -> new NodeReporter(NodeIdentity.ofThisNode(), reports, resolver,
                clock));
    }

    public ClientSecretResolver resolver() {
        return resolver;
    }

    public SigningKeys signingKeys() {
        return signingKeys;
    }

    /** Microsoft Graph as the connectors reach it (their "Test" and the expiry check). */
    public GraphClient graph() {
        return graph;
    }

    public ExpiryMonitor expiry() {
        return expiry;
    }

    /** Every node's report; empty without a folder. */
    public Optional<NodeReports> nodeReports() {
        return nodeReports;
    }

    /** This node's report; empty without a folder. */
    public Optional<NodeReporter> nodeReporter() {
        return nodeReporter;
    }

    /** Starts the background thread: the node report in a few seconds, the expiry check in a minute, then regularly. */
    public synchronized LanyardSecrets startBackground() {
        if (background == null) {
            background = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "lanyard-secrets");
                thread.setDaemon(true);
                return thread;
            });
            background.scheduleWithFixedDelay(this::reportNode, 5, NODE_REPORT_EVERY.toSeconds(), TimeUnit.SECONDS);
            background.scheduleWithFixedDelay(this::checkExpiry, 60, EXPIRY_CHECK_EVERY.toSeconds(), TimeUnit.SECONDS);
        }
        return this;
    }

    /** This node's report now (also confirms the encrypted store's key). Never throws. */
    public void reportNode() {
        try {
            nodeReporter.ifPresent(reporter -> reporter.report(configuration.current()));
        } catch (RuntimeException e) {
            LOG.warn("This node's report for the other nodes failed: {}", e.toString());
        }
    }

    /** Every integration's expiry now, logged as it warrants. Never throws. */
    public void checkExpiry() {
        try {
            expiry.checkAll(configuration.current());
        } catch (RuntimeException e) {
            LOG.warn("The check of when client secrets end failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (background != null) {
            background.shutdownNow();
            background = null;
        }
    }
}
