package io.lanyard.interop.harness;

import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.secret.StoredSecret;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An independent identity provider started for a test run, reached only through its {@link ProviderProxy}.
 * Implementations start it with clients whose redirect URIs point at the sandbox's port, and stop it on
 * {@link #close()}.
 */
public interface ProviderUnderTest extends AutoCloseable {

    /** e.g. {@code Keycloak 26.7.3}. */
    String displayName();

    /** For file names, e.g. {@code keycloak}. */
    String slug();

    /** The issuer, on the proxy's origin. */
    URI issuer();

    ProviderProxy proxy();

    /** The element ids of its login page. */
    LoginForm loginForm();

    /** The ID-token signing algorithms clients are registered for, RS256 first. */
    List<String> signingAlgorithms();

    /** The client registered for ID tokens signed with {@code algorithm} that accepts {@code method}. */
    RegisteredClient client(String algorithm, ClientAuthMethod method);

    /** Scopes Lanyard requests from it (the group claim may need a scope of its own). */
    List<String> scopes();

    /**
     * Starts using new signing keys while running (the old ones stay published for tokens already issued).
     *
     * @return the key ids the provider publishes afterwards
     */
    List<String> rotateSigningKeys() throws Exception;

    @Override
    void close();

    /** Element ids of the provider's login form. */
    record LoginForm(String usernameField, String passwordField, String submitButton) {
    }

    default URI discoveryUrl() {
        return URI.create(issuer() + IdentityProviderConfigBuilder.WELL_KNOWN_SUFFIX);
    }

    /** Its metadata, fetched through the proxy (so it shows among the proxy's requests). */
    default Map<String, Object> metadata() {
        return JsonHttp.get(discoveryUrl(), Optional.empty());
    }

    /** Lanyard's configuration for a client, with the client's secret, method and algorithm. */
    default IdentityProviderConfigBuilder lanyardConfig(RegisteredClient client, ClientAuthMethod method) {
        return IdentityProviderConfig.builder()
                .id(client.lanyardId())
                .displayName(displayName())
                .discoveryUrl(discoveryUrl().toString())
                .clientId(client.clientId())
                .clientSecret(StoredSecret.plaintext(client.secret()))
                .clientAuthMethod(method)
                .scopes(scopes())
                .allowedAlgorithms(List.of(client.signingAlgorithm()));
    }

    /** The default: the RS256 client with client_secret_basic. */
    default IdentityProviderConfigBuilder lanyardConfig() {
        return lanyardConfig(client("RS256", ClientAuthMethod.CLIENT_SECRET_BASIC), ClientAuthMethod.CLIENT_SECRET_BASIC);
    }
}
