package io.lanyard.plugin.admin.integration;

import static io.lanyard.plugin.admin.integration.FormLayout.Field.checkbox;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.copyable;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.number;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.select;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.text;
import static io.lanyard.plugin.admin.integration.FormLayout.Field.url;
import static io.lanyard.plugin.admin.integration.FormLayout.section;

import io.lanyard.core.config.ClientAssertionAudience;
import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.config.ConfigurationException;
import io.lanyard.core.config.FieldError;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.config.LogoutSettings;
import io.lanyard.core.config.ProvisioningSettings;
import io.lanyard.core.config.UserLookup;
import io.lanyard.core.config.UsernameMapping;
import io.lanyard.core.secret.StoredSecret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The identity provider form as the administrator typed it: plain strings, so that a refused form is shown again
 * exactly as typed. Only {@link #toConfig} turns it into a provider, through the one builder that holds the rules.
 * The client secret is not part of it: it is never shown again (see {@code SecretUpdate}).
 */
public record IdentityProviderForm(
        String id,
        String displayName,
        boolean enabled,
        String discoveryUrl,
        String issuer,
        String clientId,
        String clientAuthMethod,
        String clientAssertionAudience,
        String scopes,
        String usernameClaim,
        String fallbackClaims,
        String usernamePattern,
        boolean lowerCaseUsername,
        String userLookup,
        boolean trustUnverifiedEmail,
        boolean useUserInfo,
        String clockSkew,
        String allowedAlgorithms,
        String trustedAudiences,
        String maxAuthenticationAge,
        String acrValues,
        ProvisioningForm provisioning,
        LogoutForm logout) implements IntegrationForm<IdentityProviderConfig> {

    /**
     * The form as a person thinks about a provider: the provider, this application at the provider, its client
     * secret, the users it signs in, their groups, and the checks of its tokens. The rarely changed settings are
     * behind each section's disclosure, open when they hold anything but the defaults.
     */
    public static final FormLayout LAYOUT = FormLayout.of(
            section("provider",
                    text("displayName").asRequired(),
                    checkbox("enabled"),
                    url("discoveryUrl").asRequired().withAction("fetch")
                            .withPlaceholder("https://login.example.com/realms/acme/.well-known/openid-configuration"),
                    text("issuer")),
            section("client",
                    copyable("callbackUrl"),
                    text("clientId").asRequired(),
                    select("clientAuthMethod", Arrays.stream(ClientAuthMethod.values()).map(ClientAuthMethod::wireName)
                            .toList(), "lanyard.admin.option."),
                    select("clientAssertionAudience", Arrays.stream(ClientAssertionAudience.values())
                            .map(ClientAssertionAudience::wireName).toList(), "lanyard.admin.option.audience.").asAdvanced(),
                    text("scopes")),
            FormLayout.CLIENT_SECRET,
            section("users", Stream.concat(Stream.of(
                    text("usernameClaim").asRequired(),
                    select("userLookup", Arrays.stream(UserLookup.values()).map(UserLookup::name).toList(),
                            "lanyard.admin.option."),
                    checkbox("useUserInfo"),
                    text("fallbackClaims").asAdvanced(),
                    text("usernamePattern").asAdvanced(),
                    checkbox("lowerCaseUsername").asAdvanced(),
                    checkbox("trustUnverifiedEmail").asAdvanced()), ProvisioningForm.ACCOUNT_FIELDS.stream())
                    .toArray(FormLayout.Field[]::new)).withIntro(),
            section("groups", ProvisioningForm.GROUP_FIELDS.toArray(FormLayout.Field[]::new)).withIntro(),
            section("logout", LogoutForm.FIELDS.toArray(FormLayout.Field[]::new)).withIntro(),
            section("tokens",
                    text("allowedAlgorithms"),
                    number("clockSkew").asAdvanced(),
                    text("trustedAudiences").asAdvanced(),
                    number("maxAuthenticationAge").asAdvanced(),
                    text("acrValues").asAdvanced()).withIntro());

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** A new provider's form: the builder's defaults, under a new id that the callback URL already shows. */
    public static IdentityProviderForm newProvider(String id) {
        return new IdentityProviderForm(id, "", true, "", "", "", ClientAuthMethod.CLIENT_SECRET_BASIC.wireName(),
                ClientAssertionAudience.TOKEN_ENDPOINT.wireName(), String.join(" ", IdentityProviderConfig.DEFAULT_SCOPES),
                UsernameMapping.DEFAULT_CLAIM, "", "", false, UserLookup.USERNAME.name(), false, false,
                Long.toString(IdentityProviderConfig.DEFAULT_CLOCK_SKEW.toSeconds()),
                String.join(" ", IdentityProviderConfig.DEFAULT_ALGORITHMS), "", "", "",
                ProvisioningForm.of(ProvisioningSettings.DEFAULT), LogoutForm.of(LogoutSettings.defaults()));
    }

    public static IdentityProviderForm of(IdentityProviderConfig config) {
        UsernameMapping mapping = config.usernameMapping();
        return new IdentityProviderForm(config.id(), config.displayName(), config.enabled(),
                config.discoveryUrl().toString(), config.issuer(), config.clientId(), config.clientAuthMethod().wireName(),
                config.clientAssertionAudience().wireName(), String.join(" ", config.scopes()), mapping.claim(),
                String.join(" ", mapping.fallbackClaims()), mapping.pattern().orElse(""), mapping.lowerCase(),
                mapping.lookup().name(), mapping.trustUnverifiedEmail(), config.useUserInfo(),
                Long.toString(config.clockSkew().toSeconds()), String.join(" ", config.allowedAlgorithms().stream().sorted().toList()),
                String.join(" ", config.trustedAudiences().stream().sorted().toList()),
                config.maxAuthenticationAge().map(age -> Long.toString(age.toSeconds())).orElse(""),
                String.join(" ", config.acrValues()), ProvisioningForm.of(config.provisioning()),
                LogoutForm.of(config.logout()));
    }

    /** The same form with the issuer field set, e.g. to what "Fetch" found. */
    IdentityProviderForm withIssuer(String value) {
        return new IdentityProviderForm(id, displayName, enabled, discoveryUrl, value, clientId, clientAuthMethod,
                clientAssertionAudience, scopes, usernameClaim, fallbackClaims, usernamePattern, lowerCaseUsername,
                userLookup, trustUnverifiedEmail, useUserInfo, clockSkew,
                allowedAlgorithms, trustedAudiences, maxAuthenticationAge, acrValues, provisioning, logout);
    }

    /**
     * @throws ConfigurationException with every field that is wrong: what cannot even be parsed here, and what the
     *         builder refuses for the other fields
     */
    @Override
    public IdentityProviderConfig toConfig(StoredSecret clientSecret) {
        List<FieldError> errors = new ArrayList<>();
        IdentityProviderConfigBuilder builder = common(IdentityProviderConfig.builder(), clientSecret)
                .discoveryUrl(discoveryUrl)
                .issuer(issuer.isBlank() ? null : issuer)
                .clientId(clientId)
                .scopes(words(scopes))
                .usernameClaim(usernameClaim)
                .fallbackClaims(words(fallbackClaims))
                .usernamePattern(usernamePattern.isBlank() ? null : usernamePattern)
                .lowerCaseUsername(lowerCaseUsername)
                .trustUnverifiedEmail(trustUnverifiedEmail)
                .useUserInfo(useUserInfo)
                .allowedAlgorithms(words(allowedAlgorithms))
                .trustedAudiences(words(trustedAudiences))
                .acrValues(words(acrValues));
        ClientAuthMethod.fromWireName(clientAuthMethod.strip()).ifPresentOrElse(builder::clientAuthMethod,
                () -> errors.add(new FieldError("clientAuthMethod",
                        "must be client_secret_basic, client_secret_post or private_key_jwt")));
        if (!clientAssertionAudience.isBlank()) {
            ClientAssertionAudience.fromWireName(clientAssertionAudience.strip()).ifPresentOrElse(
                    builder::clientAssertionAudience, () -> errors.add(new FieldError("clientAssertionAudience",
                            "must be token_endpoint or issuer")));
        }
        parseUserLookup(errors, builder);
        seconds(errors, "clockSkew", clockSkew, true, builder::clockSkew);
        seconds(errors, "maxAuthenticationAge", maxAuthenticationAge, false, builder::maxAuthenticationAge);
        provisioning.applyTo(builder.provisioning(), errors);
        logout.applyTo(builder.logout(), errors);
        return IntegrationForm.build(builder::build, errors, "identity provider");
    }

    private void parseUserLookup(List<FieldError> errors, IdentityProviderConfigBuilder builder) {
        for (UserLookup lookup : UserLookup.values()) {
            if (lookup.name().equals(userLookup.strip())) {
                builder.userLookup(lookup);
                return;
            }
        }
        errors.add(new FieldError("userLookup", "must be USERNAME or USERNAME_THEN_EMAIL"));
    }

    private static void seconds(List<FieldError> errors, String field, String value, boolean required,
            java.util.function.Consumer<Duration> apply) {
        String text = value.strip();
        if (text.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "must be given"));
            }
            return;
        }
        try {
            apply.accept(Duration.ofSeconds(Long.parseLong(text)));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a whole number of seconds"));
        }
    }

    private static List<String> words(String value) {
        String stripped = value.strip();
        return stripped.isEmpty() ? List.of() : List.of(WHITESPACE.split(stripped));
    }
}
