package io.lanyard.core.diagnostics;

import io.lanyard.core.discovery.ProviderMetadata;
import io.lanyard.core.keys.KeySummary;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a "Test" of an identity provider found: the metadata read (if it could be read), the usable signing keys,
 * warnings about settings that will make logins fail, or the failure that stopped the check.
 *
 * @param metadata the checked metadata, when discovery succeeded
 * @param keys     each usable signing key ({@code kid} and key type), when the keys were read
 * @param warnings settings that disagree with what the provider announces
 * @param failure  the first failure; empty when every step passed
 */
public record ProviderCheckReport(Optional<ProviderMetadata> metadata, List<KeySummary> keys, List<CheckWarning> warnings,
        Optional<CheckFailure> failure) implements CheckReport {

    public ProviderCheckReport {
        Objects.requireNonNull(metadata, "metadata");
        keys = List.copyOf(keys);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(failure, "failure");
    }

}
