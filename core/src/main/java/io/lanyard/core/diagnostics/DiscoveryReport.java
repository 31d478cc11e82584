package io.lanyard.core.diagnostics;

import io.lanyard.core.discovery.ProviderMetadata;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What "Fetch" found at a discovery URL.
 *
 * @param discoveryUrl the URL read (the well-known suffix added when an issuer URL was given)
 * @param metadata     what the document announces, issuer not compared
 * @param failure      why nothing could be read
 */
public record DiscoveryReport(URI discoveryUrl, Optional<ProviderMetadata> metadata, Optional<CheckFailure> failure) {

    public DiscoveryReport {
        Objects.requireNonNull(discoveryUrl, "discoveryUrl");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(failure, "failure");
    }
}
