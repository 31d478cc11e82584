package io.lanyard.core.login;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.discovery.ProviderDocuments;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.secret.SecretOwner;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link ProviderRuntime} per provider id, rebuilt when that provider's configuration changes, so a saved
 * change takes effect for the next login without a restart while unchanged providers keep their caches.
 */
final class ProviderRuntimes {

    private final ClientSecretResolver secrets;
    private final ProviderHttpClient http;
    private final Clock clock;
    private final ProviderDocuments documents;
    private final Map<String, ProviderRuntime> runtimes = new ConcurrentHashMap<>();

    ProviderRuntimes(ClientSecretResolver secrets, ProviderHttpClient http, Clock clock, ProviderDocuments documents) {
        this.documents = documents;
        this.secrets = secrets;
        this.http = http;
        this.clock = clock;
    }

    ProviderRuntime forConfig(IdentityProviderConfig config) {
        ProviderRuntime current = runtimes.get(config.id());
        if (current != null && current.config().equals(config)) {
            return current;
        }
        return runtimes.compute(config.id(), (id, existing) -> existing != null && existing.config().equals(config)
                ? existing
                : new ProviderRuntime(config, secrets.resolveBoth(SecretOwner.identityProvider(id),
                        config.clientSecret(), config.nextClientSecret()), http, clock, documents));
    }
}
