package io.lanyard.core.secret.resolver;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.secret.secured.SecuredKeyRotation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The key of Lanyard's encrypted store (Bitbucket 9+ secured properties) as administrators rotate it: re-encrypt every
 * value with a new key, keep the old key until every node has confirmed that it reads the store with the new one,
 * then drop the old key. Where the store does not apply, every step says why.
 */
public final class SecuredStoreKeys {

    /**
     * The store and its keys, never a key or a value.
     *
     * @param storeKeyId the key the store's values are encrypted with
     * @param keyId      the key in {@code secured-properties.key}
     * @param nextKeyId  the key in {@code secured-properties.key.next}, during a rotation
     * @param values     how many values the store holds
     */
    public record Status(String storeKeyId, String keyId, Optional<String> nextKeyId, int values) {

        public boolean rotating() {
            return nextKeyId.isPresent();
        }

        /** Re-encrypted with the next key: waiting for every node, then finished. */
        public boolean reEncrypted() {
            return nextKeyId.filter(storeKeyId::equals).isPresent();
        }

        static Status of(SecuredKeyRotation.Status status) {
            return new Status(status.storeKeyId(), status.keyId(), status.nextKeyId(), status.values());
        }
    }

    private final Optional<SecuredKeyRotation> rotation;
    private final String whyNot;

    private SecuredStoreKeys(Optional<SecuredKeyRotation> rotation, String whyNot) {
        this.rotation = rotation;
        this.whyNot = whyNot;
    }

    static SecuredStoreKeys in(Path lanyardDirectory) {
        return new SecuredStoreKeys(Optional.of(new SecuredKeyRotation(lanyardDirectory)), null);
    }

    static SecuredStoreKeys unavailable(String why) {
        return new SecuredStoreKeys(Optional.empty(), Objects.requireNonNull(why, "why"));
    }

    /** Why this host has no encrypted store to rotate, if it has none. */
    public Optional<String> whyUnavailable() {
        return Optional.ofNullable(whyNot);
    }

    /** Empty when there is no store (yet). */
    public Optional<Status> status() {
        return rotation.flatMap(SecuredKeyRotation::status).map(Status::of);
    }

    /**
     * Step 1: a new key, and every value re-encrypted with it (or what an interrupted start left, continued).
     *
     * @throws LanyardException {@code SECURED_PROPERTY_UNREADABLE}, {@code CONFIG_WRITE_FAILED}
     */
    public Status startRotation() {
        return Status.of(require().start());
    }

    /**
     * Step 2, on this node: reads every value with the key the store names.
     *
     * @return the key id this node confirms
     */
    public String confirm() {
        return require().verify();
    }

    /**
     * Step 3: the new key replaces the old one, once every node confirms it.
     *
     * @param confirmedByNode per known node, the key id it confirmed last (empty when it has confirmed none)
     * @throws LanyardException {@code SECURED_KEY_ROTATION_WAITING} naming the nodes still to confirm; then nothing
     *         changes
     */
    public Status finishRotation(Map<String, Optional<String>> confirmedByNode) {
        SecuredKeyRotation keys = require();
        Status status = status().orElseThrow(() -> new IllegalStateException("there is no store to rotate"));
        if (!status.reEncrypted()) {
            throw new IllegalStateException("no rotation has re-encrypted the store yet: start one first");
        }
        List<String> waiting = confirmedByNode.entrySet().stream()
                .filter(node -> !node.getValue().filter(status.storeKeyId()::equals).isPresent())
                .map(Map.Entry::getKey).sorted().toList();
        if (!waiting.isEmpty()) {
            throw new LanyardException(ErrorCode.SECURED_KEY_ROTATION_WAITING, "the old key stays: "
                    + String.join(", ", waiting) + " ha" + (waiting.size() == 1 ? "s" : "ve") + " not confirmed the new "
                    + "key " + status.storeKeyId() + " yet (a node confirms within minutes while it runs, or when it "
                    + "starts; forget a node that no longer exists)");
        }
        return Status.of(keys.finish());
    }

    private SecuredKeyRotation require() {
        return rotation.orElseThrow(() -> new IllegalStateException("no encrypted store here: " + whyNot));
    }
}
