package io.lanyard.bench.token;

import io.lanyard.core.audit.AuditSink;
import io.lanyard.core.bearer.BearerAuthenticator;
import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.Integration;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.host.AccountWrites;
import io.lanyard.core.host.HostUser;
import io.lanyard.core.host.UserDirectory;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** What the bearer-path benchmarks share: an authenticator over one integration, and the check that keys stayed cached. */
final class BearerFixtures {

    private BearerFixtures() {
    }

    /**
     * The request path's authenticator with only {@code integration} configured, in a host whose directory holds
     * {@code account} (so no account write is ever measured) and which audits nowhere.
     */
    static <C extends Integration> BearerAuthenticator authenticator(IntegrationKind<C> kind, C integration,
            String account) {
        UserDirectory users = new UserDirectory() {
            private final Optional<HostUser> found = Optional.of(new HostUser(account, account, "", true));
            public Optional<HostUser> findByUsername(String username) { return found; }
            public List<HostUser> findByEmail(String email) { return List.of(); }
        };
        return new BearerAuthenticator(new ConfigurationHolder(LanyardConfiguration.empty()
                .with(kind, List.of(integration))), ClientSecretResolver.fileOnly(), users,
                AccountWrites.unavailable("bench"), AuditSink.none(), Clock.systemUTC(), HttpLimits.DEFAULT);
    }

    /**
     * Closes the key endpoint and fails the trial unless it served exactly two fetches: one for the authenticator and
     * one for the first-sight validator's own key source; a third would mean a measured call fetched keys.
     */
    static void requireTwoKeyFetches(LocalJwksEndpoint jwksEndpoint) {
        jwksEndpoint.close();
        if (jwksEndpoint.requests() != 2) {
            throw new IllegalStateException("the key set was fetched " + jwksEndpoint.requests() + " times");
        }
    }
}
