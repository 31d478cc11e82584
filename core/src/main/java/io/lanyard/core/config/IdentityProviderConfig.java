package io.lanyard.core.config;

import io.lanyard.core.secret.StoredSecret;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One OpenID Connect identity provider, validated and immutable. Build it with {@link #builder()}: the builder
 * refuses an invalid provider with every reason at once ({@link ConfigurationException#fieldErrors()}), so the
 * XML loader and the admin UI apply exactly the same rules.
 *
 * @param id                   stable id: letters and digits, used in property names and the callback URL
 * @param displayName          shown to users on the chooser and error pages
 * @param enabled              disabled providers are kept but never used for login
 * @param issuer               the issuer the provider must announce, compared as a plain string
 * @param discoveryUrl         where the provider's metadata is read ({@code …/.well-known/openid-configuration})
 * @param clientId             our client id at the provider
 * @param clientSecret         what the configuration file holds; resolved at start by the secret resolver
 * @param nextClientSecret     the next secret of a rotation ({@code CLIENT_SECRET_NEXT}), or none
 * @param clientSecretExpiresOn when the current secret expires, as entered by the administrator
 * @param clientAuthMethod     how we authenticate at the token endpoint
 * @param clientAssertionAudience the {@code aud} of a client assertion ({@code private_key_jwt} only)
 * @param scopes               requested scopes; always contains {@code openid}
 * @param usernameMapping      how claims become a host username
 * @param useUserInfo          whether claims are also read from the userinfo endpoint
 * @param clockSkew            tolerance for {@code exp}, {@code iat}, {@code nbf} and {@code auth_time}
 * @param allowedAlgorithms    JWS algorithms accepted for ID tokens; never {@code none}
 * @param trustedAudiences     audiences besides our client id that may appear in {@code aud}
 * @param maxAuthenticationAge when present, sent as {@code max_age} and enforced on {@code auth_time}
 * @param acrValues            when non-empty, requested and enforced on the {@code acr} claim
 * @param provisioning         what a login does to the host's users and groups (nothing, by default)
 * @param logout               how the sessions this provider starts end (RP-initiated, back- and front-channel
 *                             logout, a lifetime cap)
 * @param signIn               its place on the sign-in page and the accounts it may log in (every account, by default)
 */
public record IdentityProviderConfig(
        String id,
        String displayName,
        boolean enabled,
        String issuer,
        URI discoveryUrl,
        String clientId,
        StoredSecret clientSecret,
        StoredSecret nextClientSecret,
        Optional<LocalDate> clientSecretExpiresOn,
        ClientAuthMethod clientAuthMethod,
        ClientAssertionAudience clientAssertionAudience,
        List<String> scopes,
        UsernameMapping usernameMapping,
        boolean useUserInfo,
        Duration clockSkew,
        Set<String> allowedAlgorithms,
        Set<String> trustedAudiences,
        Optional<Duration> maxAuthenticationAge,
        List<String> acrValues,
        ProvisioningSettings provisioning,
        LogoutSettings logout,
        SignInSettings signIn) implements Integration {

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final List<String> DEFAULT_SCOPES = List.of("openid", "profile", "email");
    public static final Set<String> DEFAULT_ALGORITHMS = Set.of("RS256");

    public IdentityProviderConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(discoveryUrl, "discoveryUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(nextClientSecret, "nextClientSecret");
        Objects.requireNonNull(clientSecretExpiresOn, "clientSecretExpiresOn");
        Objects.requireNonNull(clientAuthMethod, "clientAuthMethod");
        Objects.requireNonNull(clientAssertionAudience, "clientAssertionAudience");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(usernameMapping, "usernameMapping");
        Objects.requireNonNull(clockSkew, "clockSkew");
        allowedAlgorithms = Set.copyOf(allowedAlgorithms);
        trustedAudiences = Set.copyOf(trustedAudiences);
        Objects.requireNonNull(maxAuthenticationAge, "maxAuthenticationAge");
        acrValues = List.copyOf(acrValues);
        Objects.requireNonNull(provisioning, "provisioning");
        Objects.requireNonNull(logout, "logout");
        Objects.requireNonNull(signIn, "signIn");
    }

    public static IdentityProviderConfigBuilder builder() {
        return new IdentityProviderConfigBuilder();
    }

    /** A builder holding this provider's values, to change some and build again (validated again). */
    public IdentityProviderConfigBuilder toBuilder() {
        return IdentityProviderConfigBuilder.from(this);
    }

    /** Never prints the secret: {@link StoredSecret} only says what kind of value the file holds. */
    @Override
    public String toString() {
        return "IdentityProviderConfig[id=" + id + ", displayName=" + displayName + ", enabled=" + enabled
                + ", issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=" + clientSecret
                + ", nextClientSecret=" + nextClientSecret + ", clientAuthMethod=" + clientAuthMethod.wireName() + "]";
    }
}
