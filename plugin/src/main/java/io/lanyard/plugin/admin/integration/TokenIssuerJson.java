package io.lanyard.plugin.admin.integration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.lanyard.core.config.AddressRange;
import io.lanyard.core.config.ClientMapping;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.TokenIssuerConfig;
import io.lanyard.core.config.TokenIssuerConfig.TokenCheck;
import io.lanyard.core.config.TokenIssuerConfigBuilder;
import io.lanyard.core.secret.StoredSecret;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A token issuer ("API access") in the JSON API, in both directions ({@link IntegrationJson}). */
public record TokenIssuerJson(
        String id,
        String displayName,
        Boolean enabled,
        String issuer,
        String tokenCheck,
        Boolean acceptJwtType,
        String jwksUri,
        String introspectionEndpoint,
        String tokenEndpoint,
        String clientId,
        String audience,
        List<String> requiredScopes,
        Boolean allScopesRequired,
        List<Client> clients,
        String serviceAccountDirectory,
        String delegatedUserClaim,
        List<String> opaqueTokenPaths,
        List<String> trustedProxies,
        Long clockSkewSeconds,
        Long introspectionCacheSeconds,
        String clientSecretExpiresOn,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String clientSecret,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) Boolean clearClientSecret,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String nextClientSecret,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) Boolean clearNextClientSecret,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) SecretSection.Json secret)
        implements IntegrationJson<TokenIssuerConfig> {

    /** One client: its id, its service account, and its restrictions. */
    public record Client(String clientId, String account, Boolean readOnly, List<String> from, Long maxAgeSeconds) {
    }

    static TokenIssuerJson of(TokenIssuerConfig c, SecretSection secret) {
        return new TokenIssuerJson(c.id(), c.displayName(), c.enabled(), c.issuer(), c.tokenCheck().name(),
                c.acceptJwtType(), url(c.jwksUri()), url(c.introspectionEndpoint()), url(c.tokenEndpoint()),
                c.clientId(), c.audience(), c.requiredScopes(), c.allScopesRequired(),
                c.clientMappings().stream().map(m -> new Client(m.clientId(), m.account(), m.readOnly(),
                        m.sourceRanges().stream().map(AddressRange::toString).toList(),
                        m.maxTokenAge().map(Duration::toSeconds).orElse(null))).toList(),
                c.serviceAccountDirectory().orElse(null), c.delegatedUserClaim().orElse(null), c.opaqueTokenPaths(),
                c.trustedProxies().stream().map(AddressRange::toString).toList(), c.clockSkew().toSeconds(),
                c.introspectionCacheTime().toSeconds(),
                c.clientSecretExpiresOn().map(java.time.LocalDate::toString).orElse(null), null, null, null, null,
                secret.toJson());
    }

    private static String url(Optional<URI> uri) {
        return uri.map(URI::toString).orElse(null);
    }

    /** Absent optional fields take the builder's defaults. */
    @Override
    public TokenIssuerConfig toConfig(String configId, StoredSecret currentSecret) {
        List<FieldError> errors = new ArrayList<>();
        TokenIssuerConfigBuilder builder = common(TokenIssuerConfig.builder(), configId, currentSecret)
                .issuer(issuer).jwksUri(jwksUri).introspectionEndpoint(introspectionEndpoint).tokenEndpoint(tokenEndpoint)
                .clientId(clientId == null ? "" : clientId).audience(audience)
                .requiredScopes(requiredScopes == null ? List.of() : requiredScopes)
                .clientMappings(clients(errors)).serviceAccountDirectory(serviceAccountDirectory)
                .delegatedUserClaim(delegatedUserClaim)
                .opaqueTokenPaths(opaqueTokenPaths == null ? List.of() : opaqueTokenPaths)
                .trustedProxies(trustedProxies == null ? List.of() : trustedProxies);
        if (acceptJwtType != null) {
            builder.acceptJwtType(acceptJwtType);
        }
        if (allScopesRequired != null) {
            builder.allScopesRequired(allScopesRequired);
        }
        if (clockSkewSeconds != null) {
            builder.clockSkew(Duration.ofSeconds(clockSkewSeconds));
        }
        if (introspectionCacheSeconds != null) {
            builder.introspectionCacheTime(Duration.ofSeconds(introspectionCacheSeconds));
        }
        if (tokenCheck != null) {
            Arrays.stream(TokenCheck.values()).filter(value -> value.name().equals(tokenCheck)).findFirst()
                    .ifPresentOrElse(builder::tokenCheck,
                            () -> errors.add(new FieldError("tokenCheck", "must be JWT, INTROSPECTION or BOTH")));
        }
        return IntegrationJson.build(builder, errors, "token issuer");
    }

    private List<ClientMapping> clients(List<FieldError> errors) {
        List<ClientMapping> result = new ArrayList<>();
        for (Client client : clients == null ? List.<Client>of() : clients) {
            if (client == null || client.clientId() == null || client.account() == null) {
                errors.add(new FieldError("clientMappings", "each client has a clientId and an account"));
                continue;
            }
            List<FieldError> rangeErrors = new ArrayList<>();
            List<AddressRange> ranges = TokenIssuerConfigBuilder.ranges(rangeErrors, "clientMappings",
                    client.from() == null ? List.of() : client.from());
            errors.addAll(rangeErrors);
            result.add(new ClientMapping(client.clientId(), client.account(), Boolean.TRUE.equals(client.readOnly()),
                    ranges, Optional.ofNullable(client.maxAgeSeconds()).map(Duration::ofSeconds)));
        }
        return result;
    }

    /** Never prints the secret sent in. */
    @Override
    public String toString() {
        return "TokenIssuerJson[id=" + id + ", displayName=" + displayName + "]";
    }
}
