package io.lanyard.core.diagnostics;

import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.discovery.ProviderMetadata;
import io.lanyard.core.discovery.ProviderMetadataSource;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.keys.JwksSource;
import io.lanyard.core.keys.VerificationKeys;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The admin UI's "Fetch" and "Test" for an identity provider: reads its discovery document and signing keys now,
 * uncached and with the same checks and HTTP bounds as a login, and reports what it found or the exact failure.
 * Thread-safe; keeps nothing between calls.
 */
public final class IdentityProviderCheck extends IntegrationCheck<IdentityProviderConfig, ProviderCheckReport> {

    private final Clock clock;

    public IdentityProviderCheck(ProviderHttpClient http, ClientSecretResolver secrets, Clock clock) {
        super(http, secrets);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * "Fetch": what the document at a discovery URL (or at an issuer's well-known URL) announces.
     *
     * @throws ConfigurationException when the URL itself is refused (field {@code discoveryUrl})
     */
    public DiscoveryReport discover(String discoveryOrIssuerUrl) {
        URI discoveryUrl = IdentityProviderConfigBuilder.discoveryUrlOf(discoveryOrIssuerUrl);
        try {
            return new DiscoveryReport(discoveryUrl, Optional.of(ProviderMetadataSource.fetchAnnounced(discoveryUrl, http)),
                    Optional.empty());
        } catch (LanyardException e) {
            return new DiscoveryReport(discoveryUrl, Optional.empty(), Optional.of(CheckFailure.of(e)));
        }
    }

    /** "Test": discovery with the configured issuer, then the keys at the announced {@code jwks_uri}. */
    @Override
    public ProviderCheckReport test(IdentityProviderConfig provider) {
        ProviderMetadata metadata;
        try {
            metadata = new ProviderMetadataSource(provider.issuer(), provider.discoveryUrl(), http, clock).get();
        } catch (LanyardException e) {
            return new ProviderCheckReport(Optional.empty(), List.of(), List.of(), Optional.of(CheckFailure.of(e)));
        }
        List<CheckWarning> warnings = warnings(provider, metadata);
        try {
            VerificationKeys keys = new JwksSource(metadata.jwksUri(), http, clock).currentKeys();
            if (keys.size() == 0) {
                return new ProviderCheckReport(Optional.of(metadata), List.of(), warnings, Optional.of(new CheckFailure(
                        ErrorCode.JWKS_INVALID, "key set at " + metadata.jwksUri() + " has no usable signing key")));
            }
            return new ProviderCheckReport(Optional.of(metadata), keys.summaries(), warnings, Optional.empty());
        } catch (LanyardException e) {
            return new ProviderCheckReport(Optional.of(metadata), List.of(), warnings, Optional.of(CheckFailure.of(e)));
        }
    }

    private List<CheckWarning> warnings(IdentityProviderConfig provider, ProviderMetadata metadata) {
        List<CheckWarning> warnings = new ArrayList<>();
        // Discovery §3: id_token_signing_alg_values_supported is REQUIRED, but some providers omit it.
        if (!metadata.signingAlgorithms().isEmpty()
                && Collections.disjoint(metadata.signingAlgorithms(), provider.allowedAlgorithms())) {
            warnings.add(CheckWarning.ALGORITHMS_NOT_ANNOUNCED);
        }
        // Discovery §3: when token_endpoint_auth_methods_supported is omitted, the default is client_secret_basic.
        List<String> methods = metadata.tokenEndpointAuthMethods().isEmpty()
                ? List.of("client_secret_basic") : List.copyOf(metadata.tokenEndpointAuthMethods());
        if (!methods.contains(provider.clientAuthMethod().wireName())) {
            warnings.add(CheckWarning.CLIENT_AUTH_METHOD_NOT_ANNOUNCED);
        }
        if (provider.useUserInfo() && metadata.userInfoEndpoint().isEmpty()) {
            warnings.add(CheckWarning.NO_USERINFO_ENDPOINT);
        }
        // The same resolution a login uses, so a secret from outside the file counts (the value is not looked at).
        if (clientSecret(provider).secret().isEmpty()) {
            warnings.add(CheckWarning.CLIENT_SECRET_NOT_SET);
        }
        return warnings;
    }
}
