package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.signing.SigningKeys;
import io.lanyard.core.testing.FakeProvider;
import io.lanyard.core.testing.InMemoryUsers;
import io.lanyard.core.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Logins of one configured provider against a {@link FakeProvider}, as a browser makes them. Close it after use. */
final class FakeProviderLogins implements AutoCloseable {

    static final String IDP = "FakeProviderIdp";

    final MutableClock clock = new MutableClock(Instant.now());
    final FakeProvider provider = FakeProvider.start(clock);
    private final ConfigurationHolder configuration;
    final LoginService service;

    FakeProviderLogins() {
        this(SigningKeys.unavailable("not in this test"));
    }

    /** With Lanyard's own signing keys, for {@code private_key_jwt}. */
    FakeProviderLogins(SigningKeys signingKeys) {
        configuration = new ConfigurationHolder(new LanyardConfiguration(List.of(provider().build())));
        service = LoginService.create(configuration, ClientSecretResolver.fileOnly(), signingKeys,
                InMemoryUsers.standard(), () -> URI.create("https://jira.example.com"), clock,
                new HttpLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), 64 * 1024));
    }

    private IdentityProviderConfigBuilder provider() {
        return IdentityProviderConfig.builder().id(IDP).displayName("Fake").discoveryUrl(provider.discoveryUrl().toString())
                .clientId(FakeProvider.CLIENT_ID)
                .clientSecret(StoredSecret.plaintext(Secret.of(FakeProvider.CLIENT_SECRET)));
    }

    /** Replaces the configuration as a whole, e.g. with one read from {@code provider.xml}. */
    void configure(LanyardConfiguration replacement) {
        configuration.replace(replacement);
    }

    /** Replaces the configuration with the provider's, as {@code change} makes it. */
    void reconfigure(UnaryOperator<IdentityProviderConfigBuilder> change) {
        configuration.replace(new LanyardConfiguration(List.of(change.apply(provider()).build())));
    }

    LoginSuccess logIn(String subject) {
        LoginRedirect redirect = service.startLogin(IDP, "/");
        String code = provider.authorize(redirect.authorizationUri(), subject, Map.of());
        return service.completeLogin(IDP, redirect.pendingLogin(),
                AuthorizationResponse.of(redirect.pendingLogin().state(), code, provider.issuer(), null, null));
    }

    void assertLoginFails(String subject, ErrorCode expected) {
        assertThatThrownBy(() -> logIn(subject)).isInstanceOf(LoginFailedException.class)
                .extracting(e -> ((LoginFailedException) e).errorCode()).isEqualTo(expected);
    }

    @Override
    public void close() {
        provider.close();
    }
}
