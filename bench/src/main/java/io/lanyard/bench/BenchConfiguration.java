package io.lanyard.bench;

import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.bench.token.TokenFixtures;
import java.util.List;

/** The one enabled provider the filter and start-up benchmarks run with: the token fixtures' issuer and client. */
public final class BenchConfiguration {

    public static final String PROVIDER_ID = "benchIdp1";

    private BenchConfiguration() {
    }

    public static LanyardConfiguration oneProvider() {
        IdentityProviderConfig provider = IdentityProviderConfig.builder()
                .id(PROVIDER_ID)
                .displayName("Benchmark provider")
                .discoveryUrl(TokenFixtures.ISSUER + "/.well-known/openid-configuration")
                .clientId(TokenFixtures.CLIENT_ID)
                .clientSecret(StoredSecret.plaintext(Secret.of("bench-client-secret-not-used-for-anything")))
                .build();
        return new LanyardConfiguration(List.of(provider));
    }
}
