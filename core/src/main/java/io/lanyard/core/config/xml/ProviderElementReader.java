package io.lanyard.core.config.xml;

import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.config.UserLookup;
import io.lanyard.core.secret.StoredSecret;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one {@code <provider>} element into {@link IdentityProviderConfigBuilder}, whose rules decide what is valid.
 * An optional element that is absent or empty takes its default.
 */
final class ProviderElementReader extends ConfigElementReader<ProviderElement, IdentityProviderConfig> {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final IdentityProviderConfigBuilder builder = IdentityProviderConfig.builder();

    /** @param prefix put before each field in errors, e.g. {@code providers[<id>]} */
    ProviderElementReader(String prefix) {
        super(ProviderElement.class, ProviderXmlReader.PROVIDER, prefix);
    }

    @Override
    void id(String id) {
        builder.id(id);
    }

    @Override
    void enabled(boolean enabled) {
        builder.enabled(enabled);
    }

    @Override
    IdentityProviderConfig buildConfiguration() {
        return builder.build();
    }

    @Override
    void apply(ProviderElement element, String text) {
        String value = text.strip();
        switch (element) {
            case DISPLAY_NAME -> builder.displayName(value);
            case DISCOVERY_URL -> builder.discoveryUrl(value);
            case ISSUER -> builder.issuer(value);
            case CLIENT_ID -> builder.clientId(value);
            case CLIENT_SECRET -> builder.clientSecret(StoredSecret.fromXmlText(text));
            case CLIENT_AUTH_METHOD -> ifGiven(value, () -> parseAuthMethod(element, value));
            case SCOPES -> ifGiven(value, () -> builder.scopes(words(value)));
            case USERNAME_CLAIM -> ifGiven(value, () -> builder.usernameClaim(value));
            case USERNAME_FALLBACK_CLAIMS -> builder.fallbackClaims(words(value));
            case USERNAME_PATTERN -> builder.usernamePattern(value.isEmpty() ? null : value);
            case USERNAME_LOWERCASE -> ifGiven(value,
                    () -> parseBoolean(element.field(), value).ifPresent(builder::lowerCaseUsername));
            case USER_LOOKUP -> ifGiven(value, () -> parseUserLookup(element, value));
            case USE_USERINFO -> ifGiven(value,
                    () -> parseBoolean(element.field(), value).ifPresent(builder::useUserInfo));
            case CLOCK_SKEW_SECONDS -> ifGiven(value,
                    () -> parseSeconds(element.field(), value).ifPresent(builder::clockSkew));
            case ALLOWED_ALGORITHMS -> ifGiven(value, () -> builder.allowedAlgorithms(words(value)));
            case TRUSTED_AUDIENCES -> builder.trustedAudiences(words(value));
            case MAX_AUTHENTICATION_AGE_SECONDS -> ifGiven(value,
                    () -> parseSeconds(element.field(), value).ifPresent(builder::maxAuthenticationAge));
            case ACR_VALUES -> builder.acrValues(words(value));
            default -> throw new IllegalStateException("element without a reader: " + element);
        }
    }

    /** An empty optional element means the same as an absent one: the builder's default applies. */
    private static void ifGiven(String value, Runnable apply) {
        if (!value.isEmpty()) {
            apply.run();
        }
    }

    private static List<String> words(String value) {
        return value.isEmpty() ? List.of() : List.of(WHITESPACE.split(value));
    }

    private void parseAuthMethod(ProviderElement element, String value) {
        Optional<ClientAuthMethod> method = ClientAuthMethod.fromWireName(value);
        method.ifPresentOrElse(builder::clientAuthMethod,
                () -> error(element.field(), "must be client_secret_basic or client_secret_post"));
    }

    private void parseUserLookup(ProviderElement element, String value) {
        for (UserLookup lookup : UserLookup.values()) {
            if (lookup.name().equals(value)) {
                builder.userLookup(lookup);
                return;
            }
        }
        error(element.field(), "must be USERNAME or USERNAME_THEN_EMAIL");
    }

    private Optional<Duration> parseSeconds(String field, String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        } catch (NumberFormatException e) {
            error(field, "must be a whole number of seconds");
            return Optional.empty();
        }
    }
}
