package io.lanyard.core.login;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.discovery.ProviderMetadata;
import io.lanyard.core.discovery.ProviderDocuments;
import io.lanyard.core.discovery.ProviderMetadataSource;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.keys.JwksSource;
import io.lanyard.core.mapping.UsernameMapper;
import io.lanyard.core.secret.ClientSecrets;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.error.LanyardException;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.provisioning.GroupRules;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.signing.SigningKeys;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * What Lanyard keeps for one provider configuration between logins: its resolved secrets (current and next), cached
 * metadata and keys, its username mapper and group rules. Replaced as a whole when the provider's configuration
 * changes.
 */
final class ProviderRuntime {

    private final IdentityProviderConfig config;
    private final ClientSecrets secrets;
    private final ProviderMetadataSource metadata;
    private final UsernameMapper usernameMapper;
    private final GroupRules groupRules;
    private final ProviderHttpClient http;
    private final Clock clock;
    private final ProviderDocuments documents;
    private volatile JwksSource keys;

    ProviderRuntime(IdentityProviderConfig config, ClientSecrets secrets, ProviderHttpClient http, Clock clock,
            ProviderDocuments documents) {
        this.documents = documents;
        this.config = config;
        this.secrets = secrets;
        this.http = http;
        this.clock = clock;
        this.metadata = new ProviderMetadataSource(config.issuer(), config.discoveryUrl(), http, clock, documents);
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

    ClientSecrets clientSecrets() {
        return secrets;
    }

    /**
     * Refuses a provider Lanyard could not authenticate to: one that authenticates with a client secret but has none
     * it could use (neither the current nor the next one), or one that uses {@code private_key_jwt} while Lanyard's
     * signing key is unusable. Asked before anyone is sent to the provider.
     *
     * @throws LoginFailedException {@code CLIENT_SECRET_MISSING} (or {@code SECURED_PROPERTY_UNREADABLE}) or
     *         {@code SIGNING_KEY_UNUSABLE}: this provider cannot be used until it is fixed; others are not affected
     */
    void requireCredential(SigningKeys signingKeys) {
        if (!config.clientAuthMethod().usesClientSecret()) {
            try {
                signingKeys.requireUsable();
            } catch (LanyardException e) {
                throw new LoginFailedException(e.errorCode(), e.getMessage(), e);
            }
        } else if (secrets.candidates(Optional.empty()).isEmpty()) {
            secrets.current().require(SecretOwner.identityProvider(config.id()));
        }
    }

    /**
     * The key of HS* signatures, only where the administrator allowed one (OIDC Core §10.1: the client secret); empty
     * otherwise, so that a provider without a secret can still be checked with its public keys.
     */
    Optional<Secret> hmacKey() {
        boolean hmacAllowed = config.allowedAlgorithms().stream().anyMatch(alg -> alg.startsWith("HS"));
        // during a rotation the current secret (the provider signs with the one it holds as its client's secret)
        return hmacAllowed ? secrets.candidates(Optional.empty()).stream().findFirst().map(ClientSecrets.Candidate::secret)
                : Optional.empty();
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

    /** The jwks_uri whose keys this node holds or fetches, if it has read the metadata yet (never fetches). */
    Optional<URI> keysUri() {
        JwksSource held = keys;
        return held == null ? Optional.empty() : Optional.of(held.jwksUri());
    }

    /** The keys at the jwks_uri of {@code current}; a new key source if the provider moved its keys. */
    private JwksSource keysAt(ProviderMetadata current) {
        JwksSource held = keys;
        if (held == null || !held.jwksUri().equals(current.jwksUri())) {
            synchronized (this) {
                held = keys;
                if (held == null || !held.jwksUri().equals(current.jwksUri())) {
                    held = new JwksSource(current.jwksUri(), http, clock, documents);
                    keys = held;
                }
            }
        }
        return held;
    }
}
