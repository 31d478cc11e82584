package io.lanyard.plugin.admin.integration;

import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.change.ClientSecretAdministration;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.expiry.ExpiryMonitor;
import io.lanyard.core.nodes.NodeReport;
import io.lanyard.core.nodes.NodeReporter;
import io.lanyard.core.nodes.NodeReports;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes the "Client secret" section of every integration that owns a secret, for the pages and the JSON API: the
 * resolution a login uses, the next secret, what every node uses (their reports in the shared home, this node's
 * refreshed first), and the last expiry check.
 */
public final class SecretSections {

    private final ClientSecretResolver secrets;
    private final Optional<NodeReports> nodes;
    private final Optional<NodeReporter> thisNode;
    private final Optional<ExpiryMonitor> expiry;
    private final Clock clock;

    public SecretSections(ClientSecretResolver secrets, Optional<NodeReports> nodes, Optional<NodeReporter> thisNode,
            Optional<ExpiryMonitor> expiry, Clock clock) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.thisNode = Objects.requireNonNull(thisNode, "thisNode");
        this.expiry = Objects.requireNonNull(expiry, "expiry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Only the resolution, no nodes and no expiry (e.g. in tests of the pages). */
    public static SecretSections of(ClientSecretResolver secrets) {
        return new SecretSections(secrets, Optional.empty(), Optional.empty(), Optional.empty(), Clock.systemUTC());
    }

    public ClientSecretResolver resolver() {
        return secrets;
    }

    /** Every node's report, this node's written again first so that it shows what is true now. */
    public List<NodeReport> nodes(LanyardConfiguration configuration) {
        thisNode.ifPresent(reporter -> reporter.report(configuration));
        return nodes.map(NodeReports::readAll).orElse(List.of());
    }

    /** Checks now when {@code integration}'s credentials end (an administrator asked); nothing without a watch. */
    public void checkExpiry(Integration integration, LanyardConfiguration configuration) {
        expiry.ifPresent(monitor -> monitor.check(integration, configuration));
    }

    /** Forgets a node that no longer exists, so that it holds back no rotation. */
    public boolean forgetNode(String nodeId) {
        return nodes.map(reports -> reports.forget(nodeId)).orElse(false);
    }

    /** The section of a saved integration, without the nodes (lists and the API's lists). */
    public SecretSection of(Integration integration) {
        return of(integration, List.of());
    }

    /** The section of a saved integration, with what every node uses. */
    public SecretSection of(Integration integration, List<NodeReport> reports) {
        SecretOwner owner = ownerOf(IntegrationKind.of(integration), integration.id());
        return new SecretSection(ClientSecretAdministration.status(integration, secrets),
                integration.clientSecret().kind(), SecretRotationView.of(integration, owner, secrets, reports,
                        expiry.flatMap(monitor -> monitor.last(owner)), clock.instant()));
    }

    /** An integration that is not saved yet: nothing in the file, but a variable may already be set for its id. */
    SecretSection ofNew(IntegrationKind<?> kind, String id) {
        SecretOwner owner = ownerOf(kind, id);
        return new SecretSection(secrets.status(owner, StoredSecret.none()), StoredSecret.Kind.NONE,
                SecretRotationView.ofNew(owner, secrets, clock.instant()));
    }

    private static SecretOwner ownerOf(IntegrationKind<?> kind, String id) {
        return kind.secretOwner(id).orElseThrow(() -> new IllegalArgumentException(kind + " owns no client secret"));
    }
}
