package io.lanyard.core.login;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.discovery.ProviderMetadata;
import io.lanyard.core.discovery.ProviderMetadataSource;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.keys.JwksSource;
import io.lanyard.core.mapping.UsernameMapper;
import io.lanyard.core.provisioning.GroupRules;
import io.lanyard.core.secret.ResolvedSecret;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.SecretOwner;
import java.time.Clock;

/**
 * What Lanyard keeps for one provider configuration between logins: its resolved secret, cached metadata and
 * keys, its username mapper and group rules. Replaced as a whole when the provider's configuration changes.
 */
final class ProviderRuntime {

    private final IdentityProviderConfig config;
    private final ResolvedSecret secret;
    private final ProviderMetadataSource metadata;
    private final UsernameMapper usernameMapper;
    private final GroupRules groupRules;
    private final ProviderHttpClient http;
    private final Clock clock;
    private volatile JwksSource keys;

    ProviderRuntime(IdentityProviderConfig config, ResolvedSecret secret, ProviderHttpClient http, Clock clock) {
        this.config = config;
        this.secret = secret;
        this.http = http;
        this.clock = clock;
        this.metadata = new ProviderMetadataSource(config.issuer(), config.discoveryUrl(), http, clock);
        this.usernameMapper = new UsernameMapper(config.usernameMapping());
        this.groupRules = new GroupRules(config.provisioning().groups());
    }

    IdentityProviderConfig config() {
        return config;
    }

    ProviderMetadata metadata() {
        return metadata.get();
    }

    UsernameMapper usernameMapper() {
        return usernameMapper;
    }

    GroupRules groupRules() {
        return groupRules;
    }

    /**
     * @throws LoginFailedException {@code CLIENT_SECRET_MISSING} (or {@code SECURED_PROPERTY_UNREADABLE}): this
     *         provider cannot be used until its secret is set; other providers are not affected
     */
    Secret requireClientSecret() {
        return secret.require(SecretOwner.identityProvider(config.id()));
    }

    /**
     * The metadata as held now and the keys at its {@code jwks_uri}, read together once for a login step, so that the
     * keys always belong to the metadata the step uses.
     */
    Current current() {
        ProviderMetadata now = metadata();
        return new Current(now, keysAt(now));
    }

    record Current(ProviderMetadata metadata, JwksSource keys) {
    }

    /** The keys at the jwks_uri of {@code current}; a new key source if the provider moved its keys. */
    private JwksSource keysAt(ProviderMetadata current) {
        JwksSource held = keys;
        if (held == null || !held.jwksUri().equals(current.jwksUri())) {
            synchronized (this) {
                held = keys;
                if (held == null || !held.jwksUri().equals(current.jwksUri())) {
                    held = new JwksSource(current.jwksUri(), http, clock);
                    keys = held;
                }
            }
        }
        return held;
    }
}
