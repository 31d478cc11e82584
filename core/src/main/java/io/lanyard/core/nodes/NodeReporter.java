package io.lanyard.core.nodes;

import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.nodes.NodeReport.Accepted;
import io.lanyard.core.nodes.NodeReport.Resolution;
import io.lanyard.core.nodes.NodeReport.SecretUse;
import io.lanyard.core.secret.ClientSecrets;
import io.lanyard.core.secret.ResolvedSecret;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes this node's {@link NodeReport}: at start, every few minutes while it runs, and when an administrator looks.
 * Writing it also confirms the encrypted store's key (this node reads every value with the key the store names), which
 * a key rotation waits for. A failure is logged and never stops anything else.
 */
public final class NodeReporter {

    private static final Logger LOG = LoggerFactory.getLogger(NodeReporter.class);

    private final String nodeId;
    private final NodeReports reports;
    private final ClientSecretResolver secrets;
    private final Clock clock;

    public NodeReporter(String nodeId, NodeReports reports, ClientSecretResolver secrets, Clock clock) {
        this.nodeId = NodeIdentity.of(nodeId);
        this.reports = Objects.requireNonNull(reports, "reports");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String nodeId() {
        return nodeId;
    }

    /** This node's report now, written to the shared home. */
    public NodeReport report(LanyardConfiguration configuration) {
        List<SecretUse> uses = new ArrayList<>();
        for (IntegrationKind<?> kind : IntegrationKind.ALL) {
            for (Integration integration : configuration.all(kind)) {
                kind.secretOwner(integration.id()).ifPresent(owner -> uses.add(use(owner, integration)));
            }
        }
        NodeReport report = new NodeReport(nodeId, clock.instant(), confirmedSecuredKey(), uses);
        try {
            reports.write(report);
        } catch (LanyardException e) {
            LOG.warn("Cannot write this node's report for the other nodes: {}", e.getMessage());
        }
        return report;
    }

    private SecretUse use(SecretOwner owner, Integration integration) {
        ClientSecrets both = secrets.describeBoth(owner, integration.clientSecret(), integration.nextClientSecret());
        return new SecretUse(owner, resolution(both.current()), both.next().map(NodeReporter::resolution),
                secrets.rotation().accepted(owner).map(a -> new Accepted(a.fingerprint(), a.at())));
    }

    private static Resolution resolution(ResolvedSecret resolved) {
        return new Resolution(resolved.source(), resolved.propertyName(), resolved.fingerprint(),
                resolved.problem().map(p -> p.errorCode().code()));
    }

    private Optional<String> confirmedSecuredKey() {
        if (secrets.securedStoreKeys().whyUnavailable().isPresent()) {
            return Optional.empty();
        }
        try {
            return secrets.securedStoreKeys().status().isEmpty() ? Optional.empty()
                    : Optional.of(secrets.securedStoreKeys().confirm());
        } catch (LanyardException e) {
            LOG.warn("{} This node cannot read Lanyard's encrypted store: {}", e.errorCode().code(), e.getMessage());
            return Optional.empty();
        }
    }
}
