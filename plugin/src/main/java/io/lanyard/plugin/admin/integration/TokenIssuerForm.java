package io.lanyard.plugin.admin.integration;

import static io.lanyard.plugin.admin.integration.FormLayout.Field.checkbox;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.number;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.select;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.text;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.url;
import static io.lanyard.plugin.admin.integration.FormLayout.section;

import io.lanyard.core.config.AddressRange;
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

/**
 * The token issuer form ("API access") as the administrator typed it: plain strings, turned into an issuer only by
 * {@link #toConfig}, through the builder that holds the rules. Lists are space-separated; the clients are one line
 * ({@link ClientMappingText}).
 */
public record TokenIssuerForm(
        String id,
        String displayName,
        boolean enabled,
        String issuer,
        String tokenCheck,
        boolean acceptJwtType,
        String jwksUri,
        String introspectionEndpoint,
        String tokenEndpoint,
        String clientId,
        String audience,
        String requiredScopes,
        boolean allScopesRequired,
        String clientMappings,
        String serviceAccountDirectory,
        String delegatedUserClaim,
        String opaqueTokenPaths,
        String trustedProxies,
        String clockSkewSeconds,
        String introspectionCacheSeconds) implements IntegrationForm<TokenIssuerConfig> {

    /** The issuer, how its tokens are checked, what they must say, which clients act as whom. */
    public static final FormLayout LAYOUT = FormLayout.of(
            section("issuer",
                    text("displayName").asRequired().withHelp("lanyard.admin.help.api.displayName"),
                    checkbox("enabled").withHelp("lanyard.admin.help.api.enabled"),
                    url("issuer").asRequired().withPlaceholder("https://sso.example.com/realms/ci")
                            .withTexts("lanyard.admin.field.api.issuer", "lanyard.admin.help.api.issuer")),
            section("validation",
                    select("tokenCheck", Arrays.stream(TokenCheck.values()).map(TokenCheck::name).toList(),
                            "lanyard.admin.option.tokenCheck."),
                    url("jwksUri"),
                    checkbox("acceptJwtType"),
                    url("introspectionEndpoint"),
                    text("audience").asRequired().withPlaceholder("https://jira.example.com"),
                    text("requiredScopes").withPlaceholder("jira:read"),
                    checkbox("allScopesRequired")),
            section("clients",
                    text("clientMappings").asRequired().withPlaceholder("deployer=svc-deployer;read-only;from=10.0.0.0/8"),
                    text("serviceAccountDirectory").withPlaceholder("Internal Directory"),
                    text("delegatedUserClaim").withPlaceholder("preferred_username").asAdvanced()),
            section("lanyardClient",
                    text("clientId").withTexts("lanyard.admin.field.api.clientId", "lanyard.admin.help.api.clientId"),
                    url("tokenEndpoint")),
            FormLayout.CLIENT_SECRET,
            section("network",
                    text("opaqueTokenPaths").withPlaceholder("/rest/api/"),
                    text("trustedProxies").withPlaceholder("192.0.2.1 198.51.100.0/24"),
                    number("clockSkewSeconds").asAdvanced().withTexts("lanyard.admin.field.api.clockSkewSeconds",
                            "lanyard.admin.help.api.clockSkewSeconds"),
                    number("introspectionCacheSeconds").asAdvanced()));

    /** A new issuer's form: the builder's defaults under a new id. */
    public static TokenIssuerForm newIssuer(String id) {
        return new TokenIssuerForm(id, "", true, "", TokenCheck.JWT.name(), false, "", "", "", "", "", "", true, "", "",
                "", "", "", String.valueOf(TokenIssuerConfig.DEFAULT_CLOCK_SKEW.toSeconds()),
                String.valueOf(TokenIssuerConfig.DEFAULT_INTROSPECTION_CACHE_TIME.toSeconds()));
    }

    public static TokenIssuerForm of(TokenIssuerConfig c) {
        return new TokenIssuerForm(c.id(), c.displayName(), c.enabled(), c.issuer(), c.tokenCheck().name(),
                c.acceptJwtType(), urlText(c.jwksUri()), urlText(c.introspectionEndpoint()), urlText(c.tokenEndpoint()),
                c.clientId(), c.audience(), String.join(" ", c.requiredScopes()), c.allScopesRequired(),
                ClientMappingText.format(c.clientMappings()), c.serviceAccountDirectory().orElse(""),
                c.delegatedUserClaim().orElse(""), String.join(" ", c.opaqueTokenPaths()),
                String.join(" ", c.trustedProxies().stream().map(AddressRange::toString).toList()),
                String.valueOf(c.clockSkew().toSeconds()), String.valueOf(c.introspectionCacheTime().toSeconds()));
    }

    private static String urlText(Optional<URI> uri) {
        return uri.map(URI::toString).orElse("");
    }

    @Override
    public TokenIssuerConfig toConfig(StoredSecret clientSecret) {
        List<FieldError> errors = new ArrayList<>();
        TokenIssuerConfigBuilder builder = common(TokenIssuerConfig.builder(), clientSecret)
                .issuer(issuer).acceptJwtType(acceptJwtType).jwksUri(jwksUri).introspectionEndpoint(introspectionEndpoint)
                .tokenEndpoint(tokenEndpoint).clientId(clientId).audience(audience)
                .requiredScopes(words(requiredScopes)).allScopesRequired(allScopesRequired)
                .clientMappings(ClientMappingText.parse(clientMappings, errors))
                .serviceAccountDirectory(serviceAccountDirectory).delegatedUserClaim(delegatedUserClaim)
                .opaqueTokenPaths(words(opaqueTokenPaths)).trustedProxies(words(trustedProxies));
        Arrays.stream(TokenCheck.values()).filter(value -> value.name().equals(tokenCheck.strip())).findFirst()
                .ifPresentOrElse(builder::tokenCheck,
                        () -> errors.add(new FieldError("tokenCheck", "must be JWT, INTROSPECTION or BOTH")));
        seconds(clockSkewSeconds, "clockSkew", errors).ifPresent(builder::clockSkew);
        seconds(introspectionCacheSeconds, "introspectionCacheTime", errors).ifPresent(builder::introspectionCacheTime);
        return IntegrationForm.build(builder::build, errors, "token issuer");
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    private static Optional<Duration> seconds(String text, String field, List<FieldError> errors) {
        if (!text.strip().matches("\\d{1,6}")) {
            errors.add(new FieldError(field, "must be a whole number of seconds"));
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(text.strip())));
    }
}
