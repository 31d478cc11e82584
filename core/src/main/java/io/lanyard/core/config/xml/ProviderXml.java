package io.lanyard.core.config.xml;

import static io.lanyard.core.config.xml.IntegrationXmlFormat.optional;
import static io.lanyard.core.config.xml.IntegrationXmlFormat.required;

import io.lanyard.core.config.ClientAssertionAudience;
import io.lanyard.core.config.ClientAuthMethod;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.IdentityProviderConfigBuilder;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.UserLookup;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code provider.xml}: the identity providers' elements, each with the name the admin UI and the JSON API give the
 * same field. An optional element that is absent or empty takes the builder's default. Sets are written sorted, so
 * that saving an unchanged configuration gives the same bytes (a clean diff of the backup).
 */
public final class ProviderXml {

    public static final String FILE_NAME = "provider.xml";
    public static final String BACKUP_FILE_NAME = FILE_NAME + ".bak";

    static final IntegrationXmlFormat<IdentityProviderConfig, IdentityProviderConfigBuilder> FORMAT =
            new IntegrationXmlFormat<>(IntegrationKind.IDENTITY_PROVIDER, FILE_NAME, "lanyard-providers", "provider",
                    "providers", IdentityProviderConfig::builder, concat(List.of(
                    IntegrationXmlFormat.displayName(),
                    required("DISCOVERY_URL", "discoveryUrl", (b, text) -> b.discoveryUrl(text.value()),
                            p -> p.discoveryUrl().toString()),
                    optional("ISSUER", "issuer", (b, text) -> b.issuer(text.value()), ProviderXml::issuerIfNotDerived),
                    required("CLIENT_ID", "clientId", (b, text) -> b.clientId(text.value()),
                            IdentityProviderConfig::clientId),
                    IntegrationXmlFormat.clientSecret(),
                    IntegrationXmlFormat.nextClientSecret(),
                    IntegrationXmlFormat.clientSecretExpiresOn(),
                    optional("CLIENT_AUTH_METHOD", "clientAuthMethod", (b, text) -> text.ifOneOf(
                            ClientAuthMethod::fromWireName,
                            "must be client_secret_basic, client_secret_post or private_key_jwt",
                            b::clientAuthMethod), p -> p.clientAuthMethod().wireName()),
                    optional("CLIENT_ASSERTION_AUDIENCE", "clientAssertionAudience", (b, text) -> text.ifOneOf(
                            ClientAssertionAudience::fromWireName, "must be token_endpoint or issuer",
                            b::clientAssertionAudience), p -> p.clientAssertionAudience().wireName()),
                    optional("SCOPES", "scopes", (b, text) -> text.ifGiven(value -> b.scopes(text.words())),
                            p -> XmlText.words(p.scopes())),
                    optional("USERNAME_CLAIM", "usernameClaim", (b, text) -> text.ifGiven(b::usernameClaim),
                            p -> p.usernameMapping().claim()),
                    optional("USERNAME_FALLBACK_CLAIMS", "fallbackClaims", (b, text) -> b.fallbackClaims(text.words()),
                            p -> XmlText.words(p.usernameMapping().fallbackClaims())),
                    optional("USERNAME_PATTERN", "usernamePattern", (b, text) -> b.usernamePattern(text.valueOrNull()),
                            p -> p.usernameMapping().pattern().orElse("")),
                    optional("USERNAME_LOWERCASE", "lowerCaseUsername", (b, text) -> text.ifBoolean(
                            b::lowerCaseUsername), p -> String.valueOf(p.usernameMapping().lowerCase())),
                    optional("USER_LOOKUP", "userLookup", (b, text) -> text.ifOneOf(ProviderXml::userLookup,
                            "must be USERNAME or USERNAME_THEN_EMAIL", b::userLookup),
                            p -> p.usernameMapping().lookup().name()),
                    optional("TRUST_UNVERIFIED_EMAIL", "trustUnverifiedEmail", (b, text) -> text.ifBoolean(
                            b::trustUnverifiedEmail), p -> String.valueOf(p.usernameMapping().trustUnverifiedEmail())),
                    optional("USE_USERINFO", "useUserInfo", (b, text) -> text.ifBoolean(b::useUserInfo),
                            p -> String.valueOf(p.useUserInfo())),
                    optional("CLOCK_SKEW_SECONDS", "clockSkew", (b, text) -> text.ifSeconds(b::clockSkew),
                            p -> String.valueOf(p.clockSkew().toSeconds())),
                    optional("ALLOWED_ALGORITHMS", "allowedAlgorithms",
                            (b, text) -> text.ifGiven(value -> b.allowedAlgorithms(text.words())),
                            p -> XmlText.words(p.allowedAlgorithms().stream().sorted().toList())),
                    optional("TRUSTED_AUDIENCES", "trustedAudiences", (b, text) -> b.trustedAudiences(text.words()),
                            p -> XmlText.words(p.trustedAudiences().stream().sorted().toList())),
                    optional("MAX_AUTHENTICATION_AGE_SECONDS", "maxAuthenticationAge",
                            (b, text) -> text.ifSeconds(b::maxAuthenticationAge),
                            p -> p.maxAuthenticationAge().map(Duration::toSeconds).map(String::valueOf).orElse("")),
                    optional("ACR_VALUES", "acrValues", (b, text) -> b.acrValues(text.words()),
                            p -> XmlText.words(p.acrValues()))), ProvisioningXml.ELEMENTS, LogoutXml.ELEMENTS,
            SignInXml.ELEMENTS));

    private ProviderXml() {
    }

    /** The provider's own elements, then those of each feature's settings (each written by its own class). */
    @SafeVarargs
    private static List<IntegrationXmlFormat.Element<IdentityProviderConfig, IdentityProviderConfigBuilder>> concat(
            List<IntegrationXmlFormat.Element<IdentityProviderConfig, IdentityProviderConfigBuilder>>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }

    /** The issuer is written only when it is not the one the reader derives from the discovery URL anyway. */
    private static String issuerIfNotDerived(IdentityProviderConfig p) {
        String discovery = p.discoveryUrl().toString();
        String suffix = IdentityProviderConfigBuilder.WELL_KNOWN_SUFFIX;
        String derived = discovery.endsWith(suffix) ? discovery.substring(0, discovery.length() - suffix.length())
                : discovery;
        return p.issuer().equals(derived) ? "" : p.issuer();
    }

    private static java.util.Optional<UserLookup> userLookup(String name) {
        return Arrays.stream(UserLookup.values()).filter(lookup -> lookup.name().equals(name)).findFirst();
    }
}
