package io.lanyard.core.diagnostics;

import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.http.ProviderHttpClient;
import io.lanyard.core.secret.ResolvedSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.util.Objects;

/**
 * The admin UI's "Test" of one kind of integration: checks it now against the service it names, uncached, with the
 * same HTTP bounds and the same client secret resolution as a login, and reports what it found or the exact failure.
 * Each kind says only what its test does ({@link IdentityProviderCheck}, {@link EntraConnectorCheck}). Thread-safe;
 * keeps nothing between calls.
 *
 * @param <C> the kind's configuration
 * @param <R> its report
 */
public abstract class IntegrationCheck<C extends Integration, R extends CheckReport> {

    final ProviderHttpClient http;
    private final ClientSecretResolver secrets;

    IntegrationCheck(ProviderHttpClient http, ClientSecretResolver secrets) {
        this.http = Objects.requireNonNull(http, "http");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /** Runs the test now; never throws for what it finds, which is in the report. */
    public abstract R test(C integration);

    /** The integration's client secret, resolved as a login resolves it (the value is not looked at here). */
    final ResolvedSecret clientSecret(C integration) {
        return secrets.resolve(IntegrationKind.of(integration).secretOwner(integration.id()).orElseThrow(),
                integration.clientSecret());
    }
}
