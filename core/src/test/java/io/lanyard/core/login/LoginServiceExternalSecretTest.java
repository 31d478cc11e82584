package io.lanyard.core.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.lanyard.core.config.ConfigurationHolder;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LoginFailedException;
import io.lanyard.core.http.HttpLimits;
import io.lanyard.core.secret.ResolvedSecret;
import io.lanyard.core.secret.SecretPropertyNames;
import io.lanyard.core.secret.StoredSecret;
import io.lanyard.core.secret.resolver.ClientSecretResolver;
import io.lanyard.core.secret.secured.SecuredPropertyValues;
import io.lanyard.core.testing.FakeProvider;
import io.lanyard.core.testing.InMemoryUsers;
import io.lanyard.core.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Logins through providers whose {@code provider.xml} says {@code USING_ENVIRONMENT_PROPERTY}, against a provider
 * that checks the client secret: the variable's value is what is sent; a provider without its variable fails
 * alone, with the names it looked for.
 */
class LoginServiceExternalSecretTest {

    private static final String WITH_VARIABLE = "GOxXFuPXJgiyAwuXugVG";
    private static final String WITHOUT_VARIABLE = "Hq3ZtV8mKc2LpWx7NbRe";
    private static final String SECURED_BROKEN = "Zz9Yy8Xx7Ww6Vv5Uu4Tt";
    private static final URI BASE = URI.create("https://jira.example.com/jira");

    private final MutableClock clock = new MutableClock(Instant.now());
    private FakeProvider provider;

    @BeforeEach
    void start() {
        provider = FakeProvider.start(clock);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private IdentityProviderConfig external(String id) {
        return IdentityProviderConfig.builder().id(id).displayName(id).discoveryUrl(provider.discoveryUrl().toString())
                .clientId(FakeProvider.CLIENT_ID).clientSecret(StoredSecret.external()).build();
    }

    private LoginService serviceWith(Map<String, String> environment, SecuredPropertyValues secured) {
        ConfigurationHolder configuration = new ConfigurationHolder(new LanyardConfiguration(List.of(
                external(WITH_VARIABLE), external(WITHOUT_VARIABLE), external(SECURED_BROKEN))));
        return LoginService.create(configuration, new ClientSecretResolver(environment, Map.of(), secured),
                InMemoryUsers.standard(), () -> BASE, clock,
                new HttpLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), 64 * 1024));
    }

    private LoginSuccess logIn(LoginService service, String id) {
        LoginRedirect redirect = service.startLogin(id, "/");
        String code = provider.authorize(redirect.authorizationUri(), "alice", Map.of());
        return service.completeLogin(id, redirect.pendingLogin(),
                AuthorizationResponse.of(redirect.pendingLogin().state(), code, provider.issuer(), null, null));
    }

    @Test
    void providerWithItsVariableLogsInWhileAnotherWithoutOneFailsAlone() {
        LoginService service = serviceWith(
                Map.of(SecretPropertyNames.identityProvider(WITH_VARIABLE), FakeProvider.CLIENT_SECRET),
                SecuredPropertyValues.none());

        LoginFailedException missing = catchThrowableOfType(LoginFailedException.class,
                () -> service.startLogin(WITHOUT_VARIABLE, "/"));

        assertThat(missing.errorCode()).isEqualTo(ErrorCode.CLIENT_SECRET_MISSING);
        assertThat(missing.getMessage()).contains(SecretPropertyNames.identityProvider(WITHOUT_VARIABLE),
                SecretPropertyNames.IDENTITY_PROVIDER_STATIC, "USING_ENVIRONMENT_PROPERTY");
        assertThat(logIn(service, WITH_VARIABLE).user().username()).isEqualTo("alice");
        assertThat(provider.lastTokenHeaders.toString() + provider.lastTokenForm).doesNotContain("USING_ENVIRONMENT");
    }

    @Test
    void wrongValueInTheVariableIsRefusedByTheProvider() {
        LoginService service = serviceWith(
                Map.of(SecretPropertyNames.identityProvider(WITH_VARIABLE), "not-the-providers-secret"),
                SecuredPropertyValues.none());

        LoginFailedException refused = catchThrowableOfType(LoginFailedException.class,
                () -> logIn(service, WITH_VARIABLE));

        assertThat(refused.errorCode()).isEqualTo(ErrorCode.CLIENT_AUTHENTICATION_FAILED);
    }

    @Test
    void staticVariableServesEveryProvider() {
        LoginService service = serviceWith(Map.of(SecretPropertyNames.IDENTITY_PROVIDER_STATIC,
                FakeProvider.CLIENT_SECRET), SecuredPropertyValues.none());

        assertThat(logIn(service, WITH_VARIABLE).user().username()).isEqualTo("alice");
        assertThat(logIn(service, WITHOUT_VARIABLE).user().username()).isEqualTo("alice");
    }

    @Test
    void unreadableSecuredPropertyFailsThatProviderWithItsOwnCode() {
        String brokenName = SecretPropertyNames.identityProvider(SECURED_BROKEN);
        LoginService service = serviceWith(Map.of(SecretPropertyNames.identityProvider(WITH_VARIABLE),
                FakeProvider.CLIENT_SECRET), SecuredPropertyValues.of(Map.of(brokenName,
                        ResolvedSecret.unreadable(brokenName, "the key file is missing"))));

        LoginFailedException unreadable = catchThrowableOfType(LoginFailedException.class,
                () -> service.startLogin(SECURED_BROKEN, "/"));

        assertThat(unreadable.errorCode()).isEqualTo(ErrorCode.SECURED_PROPERTY_UNREADABLE);
        assertThat(unreadable.errorCode().code()).isEqualTo("LNY-107");
        assertThat(logIn(service, WITH_VARIABLE).user().username()).isEqualTo("alice");
    }
}
