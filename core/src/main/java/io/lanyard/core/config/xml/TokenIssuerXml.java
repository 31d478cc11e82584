package io.lanyard.core.config.xml;

import static io.lanyard.core.config.xml.IntegrationXmlFormat.optional;
import static io.lanyard.core.config.xml.IntegrationXmlFormat.optionalList;
import static io.lanyard.core.config.xml.IntegrationXmlFormat.required;

import io.lanyard.core.config.AddressRange;
import io.lanyard.core.config.ClientMapping;
import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.TokenIssuerConfig;
import io.lanyard.core.config.TokenIssuerConfig.TokenCheck;
import io.lanyard.core.config.TokenIssuerConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code token-issuer.xml}, next to {@code provider.xml}: the "API access" token issuers (issue 16). Each client
 * mapping is an item {@code <CLIENT id="…" account="…" readOnly="true|false" from="10.0.0.0/8 …"
 * maxAgeSeconds="…"/>} ({@code from} and {@code maxAgeSeconds} may be empty).
 */
public final class TokenIssuerXml {

    public static final String FILE_NAME = "token-issuer.xml";
    static final String CLIENT = "CLIENT";
    private static final List<String> CLIENT_ATTRIBUTES = List.of("id", "account", "readOnly", "from", "maxAgeSeconds");

    static final IntegrationXmlFormat<TokenIssuerConfig, TokenIssuerConfigBuilder> FORMAT = new IntegrationXmlFormat<>(
            IntegrationKind.TOKEN_ISSUER, FILE_NAME, "lanyard-token-issuers", "issuer", "tokenIssuers",
            TokenIssuerConfig::builder, List.of(
            IntegrationXmlFormat.displayName(),
            required("ISSUER", "issuer", (b, text) -> b.issuer(text.value()), TokenIssuerConfig::issuer),
            optional("TOKEN_CHECK", "tokenCheck", (b, text) -> text.ifOneOf(TokenIssuerXml::tokenCheck,
                    "must be JWT, INTROSPECTION or BOTH", b::tokenCheck), c -> c.tokenCheck().name()),
            optional("ACCEPT_JWT_TYPE", "acceptJwtType", (b, text) -> text.ifBoolean(b::acceptJwtType),
                    c -> String.valueOf(c.acceptJwtType())),
            optional("JWKS_URI", "jwksUri", (b, text) -> b.jwksUri(text.valueOrNull()), c -> url(c.jwksUri())),
            optional("INTROSPECTION_ENDPOINT", "introspectionEndpoint",
                    (b, text) -> b.introspectionEndpoint(text.valueOrNull()), c -> url(c.introspectionEndpoint())),
            optional("TOKEN_ENDPOINT", "tokenEndpoint", (b, text) -> b.tokenEndpoint(text.valueOrNull()),
                    c -> url(c.tokenEndpoint())),
            optional("CLIENT_ID", "clientId", (b, text) -> b.clientId(text.value()), TokenIssuerConfig::clientId),
            IntegrationXmlFormat.clientSecret(),
            IntegrationXmlFormat.nextClientSecret(),
            IntegrationXmlFormat.clientSecretExpiresOn(),
            required("AUDIENCE", "audience", (b, text) -> b.audience(text.value()), TokenIssuerConfig::audience),
            optional("REQUIRED_SCOPES", "requiredScopes", (b, text) -> b.requiredScopes(text.words()),
                    c -> XmlText.words(c.requiredScopes())),
            optional("ALL_SCOPES_REQUIRED", "allScopesRequired", (b, text) -> text.ifBoolean(b::allScopesRequired),
                    c -> String.valueOf(c.allScopesRequired())),
            optional("CLOCK_SKEW_SECONDS", "clockSkew", (b, text) -> text.ifSeconds(b::clockSkew),
                    c -> String.valueOf(c.clockSkew().toSeconds())),
            optional("INTROSPECTION_CACHE_SECONDS", "introspectionCacheTime",
                    (b, text) -> text.ifSeconds(b::introspectionCacheTime),
                    c -> String.valueOf(c.introspectionCacheTime().toSeconds())),
            optional("OPAQUE_TOKEN_PATHS", "opaqueTokenPaths", (b, text) -> b.opaqueTokenPaths(text.words()),
                    c -> XmlText.words(c.opaqueTokenPaths())),
            optional("SERVICE_ACCOUNT_DIRECTORY", "serviceAccountDirectory",
                    (b, text) -> b.serviceAccountDirectory(text.valueOrNull()),
                    c -> c.serviceAccountDirectory().orElse("")),
            optionalList("CLIENTS", "clientMappings", new IntegrationXmlFormat.ItemList<>(CLIENT, CLIENT_ATTRIBUTES,
                    c -> c.clientMappings().stream().map(TokenIssuerXml::attributes).toList()),
                    (b, text) -> b.clientMappings(mappings(text))),
            optional("DELEGATED_USER_CLAIM", "delegatedUserClaim", (b, text) -> b.delegatedUserClaim(text.valueOrNull()),
                    c -> c.delegatedUserClaim().orElse("")),
            optional("TRUSTED_PROXIES", "trustedProxies", (b, text) -> b.trustedProxies(text.words()),
                    c -> XmlText.words(c.trustedProxies().stream().map(AddressRange::toString).toList()))));

    private TokenIssuerXml() {
    }

    private static Optional<TokenCheck> tokenCheck(String name) {
        return Arrays.stream(TokenCheck.values()).filter(value -> value.name().equals(name)).findFirst();
    }

    private static String url(Optional<URI> uri) {
        return uri.map(URI::toString).orElse("");
    }

    private static List<String> attributes(ClientMapping mapping) {
        return List.of(mapping.clientId(), mapping.account(), String.valueOf(mapping.readOnly()),
                String.join(" ", mapping.sourceRanges().stream().map(AddressRange::toString).toList()),
                mapping.maxTokenAge().map(age -> String.valueOf(age.toSeconds())).orElse(""));
    }

    /** The items as mappings; an item whose values cannot even be parsed is reported and left out. */
    private static List<ClientMapping> mappings(ElementText text) {
        List<ClientMapping> result = new ArrayList<>();
        for (Map<String, String> item : text.items()) {
            String client = item.getOrDefault("id", "");
            List<AddressRange> ranges = new ArrayList<>();
            boolean valid = true;
            for (String range : ElementText.words(item.getOrDefault("from", ""))) {
                Optional<AddressRange> parsed = AddressRange.parse(range);
                parsed.ifPresent(ranges::add);
                if (parsed.isEmpty()) {
                    text.report("client \"" + client + "\": \"" + range + "\" is not an IP address or CIDR range");
                    valid = false;
                }
            }
            String readOnly = item.getOrDefault("readOnly", "false");
            if (!readOnly.equals("true") && !readOnly.equals("false")) {
                text.report("client \"" + client + "\": readOnly must be true or false");
                valid = false;
            }
            Optional<Duration> maxAge = Optional.empty();
            String seconds = item.getOrDefault("maxAgeSeconds", "").strip();
            if (!seconds.isEmpty()) {
                if (seconds.matches("\\d{1,9}")) {
                    maxAge = Optional.of(Duration.ofSeconds(Long.parseLong(seconds)));
                } else {
                    text.report("client \"" + client + "\": maxAgeSeconds must be a whole number of seconds");
                    valid = false;
                }
            }
            if (valid) {
                result.add(new ClientMapping(client, item.getOrDefault("account", ""), readOnly.equals("true"), ranges,
                        maxAge));
            }
        }
        return result;
    }
}
