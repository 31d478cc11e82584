package io.lanyard.plugin.admin.integration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.lanyard.core.LanyardPaths;
import io.lanyard.core.config.ClientAssertionAudience;
import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.config.UserLookup;
import io.lanyard.core.secret.StoredSecret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An identity provider in the JSON API, in both directions ({@link IntegrationJson}); {@code callbackUrl} is read-only
 * too.
 */
public record IdentityProviderJson(
        String id,
        String displayName,
        Boolean enabled,
        String discoveryUrl,
        String issuer,
        String clientId,
        String clientAuthMethod,
        String clientAssertionAudience,
        String clientSecretExpiresOn,
        List<String> scopes,
        String usernameClaim,
        List<String> fallbackClaims,
        String usernamePattern,
        Boolean lowerCaseUsername,
        String userLookup,
        Boolean trustUnverifiedEmail,
        Boolean useUserInfo,
        Long clockSkewSeconds,
        List<String> allowedAlgorithms,
        List<String> trustedAudiences,
        Long maxAuthenticationAgeSeconds,
        List<String> acrValues,
        ProvisioningJson provisioning,
        LogoutJson logout,
        ProviderSignInJson signIn,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String clientSecret,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) Boolean clearClientSecret,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String nextClientSecret,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) Boolean clearNextClientSecret,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) String callbackUrl,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) SecretSection.Json secret)
        implements IntegrationJson<IdentityProviderConfig> {

    static IdentityProviderJson of(IdentityProviderConfig config, String baseUrl, SecretSection secret) {
        return new IdentityProviderJson(config.id(), config.displayName(), config.enabled(),
                config.discoveryUrl().toString(), config.issuer(), config.clientId(), config.clientAuthMethod().wireName(),
                config.clientAssertionAudience().wireName(),
                config.clientSecretExpiresOn().map(java.time.LocalDate::toString).orElse(null), config.scopes(), config.usernameMapping().claim(), config.usernameMapping().fallbackClaims(),
                config.usernameMapping().pattern().orElse(null), config.usernameMapping().lowerCase(),
                config.usernameMapping().lookup().name(), config.usernameMapping().trustUnverifiedEmail(),
                config.useUserInfo(), config.clockSkew().toSeconds(),
                config.allowedAlgorithms().stream().sorted().toList(),
                config.trustedAudiences().stream().sorted().toList(),
                config.maxAuthenticationAge().map(Duration::toSeconds).orElse(null), config.acrValues(),
                ProvisioningJson.of(config.provisioning()), LogoutJson.of(config.logout()),
                ProviderSignInJson.of(config.signIn()), null, null, null, null,
                baseUrl + LanyardPaths.callbackPath(config.id()),
                secret.toJson());
    }

    @Override
    public IdentityProviderConfig toConfig(String configId, StoredSecret currentSecret) {
        List<FieldError> errors = new ArrayList<>();
        IdentityProviderConfigBuilder builder = common(IdentityProviderConfig.builder(), configId, currentSecret)
                .discoveryUrl(discoveryUrl)
                .issuer(issuer)
                .clientId(clientId)
                .usernamePattern(usernamePattern)
                .lowerCaseUsername(Boolean.TRUE.equals(lowerCaseUsername))
                .trustUnverifiedEmail(Boolean.TRUE.equals(trustUnverifiedEmail))
                .useUserInfo(Boolean.TRUE.equals(useUserInfo));
        Optional.ofNullable(scopes).ifPresent(builder::scopes);
        Optional.ofNullable(usernameClaim).ifPresent(builder::usernameClaim);
        Optional.ofNullable(fallbackClaims).ifPresent(builder::fallbackClaims);
        Optional.ofNullable(allowedAlgorithms).ifPresent(builder::allowedAlgorithms);
        Optional.ofNullable(trustedAudiences).ifPresent(builder::trustedAudiences);
        Optional.ofNullable(acrValues).ifPresent(builder::acrValues);
        if (logout != null) {
            logout.applyTo(builder.logout(), errors);
        }
        if (signIn != null) {
            signIn.applyTo(builder.signIn(), errors);
        }
        Optional.ofNullable(clockSkewSeconds).map(Duration::ofSeconds).ifPresent(builder::clockSkew);
        Optional.ofNullable(maxAuthenticationAgeSeconds).map(Duration::ofSeconds).ifPresent(builder::maxAuthenticationAge);
        if (clientAuthMethod != null) {
            ClientAuthMethod.fromWireName(clientAuthMethod).ifPresentOrElse(builder::clientAuthMethod, () -> errors.add(
                    new FieldError("clientAuthMethod", "must be client_secret_basic, client_secret_post or "
                            + "private_key_jwt")));
        }
        if (clientAssertionAudience != null) {
            ClientAssertionAudience.fromWireName(clientAssertionAudience).ifPresentOrElse(
                    builder::clientAssertionAudience, () -> errors.add(new FieldError("clientAssertionAudience",
                            "must be token_endpoint or issuer")));
        }
        if (provisioning != null) {
            provisioning.applyTo(builder.provisioning(), errors);
        }
        if (userLookup != null) {
            lookup(userLookup).ifPresentOrElse(builder::userLookup,
                    () -> errors.add(new FieldError("userLookup", "must be USERNAME or USERNAME_THEN_EMAIL")));
        }
        return IntegrationJson.build(builder, errors, "identity provider");
    }

    /** Without {@code signIn} (a document or script from before it was in the API), the stored settings stay. */
    @Override
    public IdentityProviderConfig edit(String id, Optional<IdentityProviderConfig> current) {
        IdentityProviderConfig edited = IntegrationJson.super.edit(id, current);
        return signIn != null ? edited
                : current.map(stored -> edited.toBuilder().signIn(stored.signIn()).build()).orElse(edited);
    }

    private static Optional<UserLookup> lookup(String name) {
        for (UserLookup lookup : UserLookup.values()) {
            if (lookup.name().equals(name)) {
                return Optional.of(lookup);
            }
        }
        return Optional.empty();
    }

    /** Never prints the secret sent in. */
    @Override
    public String toString() {
        return "IdentityProviderJson[id=" + id + ", displayName=" + displayName + "]";
    }
}
