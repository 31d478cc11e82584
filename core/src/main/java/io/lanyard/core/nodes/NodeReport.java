package io.lanyard.core.nodes;

import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.SecretSource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one cluster node says about its secrets, for administrators looking at another node: where each client secret
 * comes from on this node (environment variables and JVM properties differ from node to node), which one the provider
 * accepted last, and which key of the encrypted store it reads with. Fingerprints only, never a value.
 *
 * @param nodeId       the node
 * @param writtenAt    when it said so
 * @param securedKeyId the key id of the encrypted store this node confirmed it reads every value with
 * @param secrets      one entry per integration that owns a secret
 */
public record NodeReport(String nodeId, Instant writtenAt, Optional<String> securedKeyId, List<SecretUse> secrets) {

    public NodeReport {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(writtenAt, "writtenAt");
        Objects.requireNonNull(securedKeyId, "securedKeyId");
        secrets = List.copyOf(secrets);
    }

    public Optional<SecretUse> secretOf(SecretOwner owner) {
        return secrets.stream().filter(use -> use.owner().equals(owner)).findFirst();
    }

    /**
     * One owner's secrets on one node.
     *
     * @param owner      whose
     * @param current    the current secret as this node resolves it
     * @param next       the next secret, when one is given on this node
     * @param accepted   the fingerprint the provider accepted last on this node, and when
     */
    public record SecretUse(SecretOwner owner, Resolution current, Optional<Resolution> next,
            Optional<Accepted> accepted) {

        public SecretUse {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(accepted, "accepted");
        }
    }

    /**
     * Where one secret comes from on a node.
     *
     * @param source       environment variable, JVM property, encrypted store, file, or not set
     * @param propertyName the name it came from
     * @param fingerprint  its fingerprint, when there is a secret
     * @param problemCode  e.g. {@code LNY-105}, when there is none
     */
    public record Resolution(SecretSource source, Optional<String> propertyName, Optional<String> fingerprint,
            Optional<String> problemCode) {
    }

    /** The secret (by fingerprint) a provider accepted last on a node. */
    public record Accepted(String fingerprint, Instant at) {
    }
}
