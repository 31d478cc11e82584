package io.lanyard.core.bearer;

import io.lanyard.core.config.CiTrustPolicy;
import io.lanyard.core.discovery.ProviderMetadataSource;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.keys.KeySource;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Where a CI's keys are: a policy's configured or preset location ({@code <iss>/keys.json} for Bitbucket), or the
 * {@code jwks_uri} of the issuer's discovery document (OpenID Connect Discovery 1.0 §4; its {@code issuer} must equal
 * the policy's), fetched once and kept as for identity providers.
 */
final class CiKeys {

    private final ProviderHttpClient http;
    private final Function<URI, KeySource> keysAt;
    private final Clock clock;
    private final ConcurrentHashMap<URI, ProviderMetadataSource> discovery = new ConcurrentHashMap<>();

    CiKeys(ProviderHttpClient http, Function<URI, KeySource> keysAt, Clock clock) {
        this.http = http;
        this.keysAt = keysAt;
        this.clock = clock;
    }

    /**
     * @throws io.lanyard.core.error.LanyardException when the discovery document cannot be had
     */
    KeySource of(CiTrustPolicy policy) {
        Optional<URI> known = policy.knownKeysLocation();
        if (known.isPresent()) {
            return keysAt.apply(known.get());
        }
        ProviderMetadataSource metadata = discovery.computeIfAbsent(policy.discoveryUrl(),
                url -> new ProviderMetadataSource(policy.issuer(), url, http, clock));
        return keysAt.apply(metadata.get().jwksUri());
    }
}
