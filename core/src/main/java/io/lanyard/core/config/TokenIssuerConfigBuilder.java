package io.lanyard.core.config;

import io.lanyard.core.config.TokenIssuerConfig.TokenCheck;
import io.lanyard.core.secret.StoredSecret;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds a valid {@link TokenIssuerConfig} or reports every field that is wrong: the one place the rules of an API
 * access token issuer live, for its file, the admin form and the JSON API alike.
 */
public final class TokenIssuerConfigBuilder implements IntegrationBuilder<TokenIssuerConfig> {

    private static final Pattern ID = Pattern.compile("[a-z0-9]{12}");
    /** RFC 6749 §A.4: a scope token is printable ASCII without space, quote or backslash. */
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,200}");
    /** What the host products accept as a username, conservatively: no spaces, controls, or characters of markup. */
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9._@+-]{1,255}");
    private static final Pattern CLAIM = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);
    public static final Duration MAX_INTROSPECTION_CACHE_TIME = Duration.ofHours(1);

    private final String fixedId;
    private String id;
    private String displayName;
    private boolean enabled = true;
    private String issuer;
    private TokenCheck tokenCheck = TokenCheck.JWT;
    private boolean acceptJwtType;
    private String jwksUri;
    private String introspectionEndpoint;
    private String tokenEndpoint;
    private String clientId = "";
    private StoredSecret clientSecret = StoredSecret.none();
    private StoredSecret nextClientSecret = StoredSecret.none();
    private LocalDate clientSecretExpiresOn;
    private String audience;
    private List<String> requiredScopes = List.of();
    private boolean allScopesRequired = true;
    private Duration clockSkew = TokenIssuerConfig.DEFAULT_CLOCK_SKEW;
    private Duration introspectionCacheTime = TokenIssuerConfig.DEFAULT_INTROSPECTION_CACHE_TIME;
    private List<String> opaqueTokenPaths = List.of();
    private String serviceAccountDirectory;
    private List<ClientMapping> clientMappings = List.of();
    private String delegatedUserClaim;
    private List<String> trustedProxies = List.of();

    TokenIssuerConfigBuilder(String fixedId) {
        this.fixedId = fixedId;
        this.id = fixedId;
    }

    static TokenIssuerConfigBuilder from(TokenIssuerConfig c) {
        TokenIssuerConfigBuilder b = new TokenIssuerConfigBuilder(c.id());
        b.displayName = c.displayName();
        b.enabled = c.enabled();
        b.issuer = c.issuer();
        b.tokenCheck = c.tokenCheck();
        b.acceptJwtType = c.acceptJwtType();
        b.jwksUri = c.jwksUri().map(URI::toString).orElse(null);
        b.introspectionEndpoint = c.introspectionEndpoint().map(URI::toString).orElse(null);
        b.tokenEndpoint = c.tokenEndpoint().map(URI::toString).orElse(null);
        b.clientId = c.clientId();
        b.clientSecret = c.clientSecret();
        b.nextClientSecret = c.nextClientSecret();
        b.clientSecretExpiresOn = c.clientSecretExpiresOn().orElse(null);
        b.audience = c.audience();
        b.requiredScopes = c.requiredScopes();
        b.allScopesRequired = c.allScopesRequired();
        b.clockSkew = c.clockSkew();
        b.introspectionCacheTime = c.introspectionCacheTime();
        b.opaqueTokenPaths = c.opaqueTokenPaths();
        b.serviceAccountDirectory = c.serviceAccountDirectory().orElse(null);
        b.clientMappings = c.clientMappings();
        b.delegatedUserClaim = c.delegatedUserClaim().orElse(null);
        b.trustedProxies = c.trustedProxies().stream().map(AddressRange::toString).toList();
        return b;
    }

    public TokenIssuerConfigBuilder id(String value) { this.id = value; return this; }
    public TokenIssuerConfigBuilder displayName(String value) { this.displayName = value; return this; }
    public TokenIssuerConfigBuilder enabled(boolean value) { this.enabled = value; return this; }
    public TokenIssuerConfigBuilder clientSecret(StoredSecret value) { this.clientSecret = value; return this; }
    public TokenIssuerConfigBuilder nextClientSecret(StoredSecret value) { this.nextClientSecret = value; return this; }
    public TokenIssuerConfigBuilder clientSecretExpiresOn(LocalDate value) { this.clientSecretExpiresOn = value; return this; }
    public TokenIssuerConfigBuilder issuer(String value) { this.issuer = value; return this; }
    public TokenIssuerConfigBuilder tokenCheck(TokenCheck value) { this.tokenCheck = value; return this; }
    public TokenIssuerConfigBuilder acceptJwtType(boolean value) { this.acceptJwtType = value; return this; }
    public TokenIssuerConfigBuilder jwksUri(String value) { this.jwksUri = value; return this; }
    public TokenIssuerConfigBuilder introspectionEndpoint(String value) { this.introspectionEndpoint = value; return this; }
    public TokenIssuerConfigBuilder tokenEndpoint(String value) { this.tokenEndpoint = value; return this; }
    public TokenIssuerConfigBuilder clientId(String value) { this.clientId = value; return this; }
    public TokenIssuerConfigBuilder audience(String value) { this.audience = value; return this; }
    public TokenIssuerConfigBuilder requiredScopes(List<String> value) { this.requiredScopes = value; return this; }
    public TokenIssuerConfigBuilder allScopesRequired(boolean value) { this.allScopesRequired = value; return this; }
    public TokenIssuerConfigBuilder clockSkew(Duration value) { this.clockSkew = value; return this; }
    public TokenIssuerConfigBuilder introspectionCacheTime(Duration value) { this.introspectionCacheTime = value; return this; }
    public TokenIssuerConfigBuilder opaqueTokenPaths(List<String> value) { this.opaqueTokenPaths = value; return this; }
    public TokenIssuerConfigBuilder serviceAccountDirectory(String value) { this.serviceAccountDirectory = value; return this; }
    public TokenIssuerConfigBuilder clientMappings(List<ClientMapping> value) { this.clientMappings = value; return this; }
    public TokenIssuerConfigBuilder delegatedUserClaim(String value) { this.delegatedUserClaim = value; return this; }
    /** CIDR ranges or single addresses, as text: each is checked on {@link #build()}. */
    public TokenIssuerConfigBuilder trustedProxies(List<String> value) { this.trustedProxies = value; return this; }

    /**
     * @throws ConfigurationException listing every invalid field
     */
    @Override
    public TokenIssuerConfig build() {
        List<FieldError> errors = new ArrayList<>();
        String checkedId = checkedId(errors);
        String name = FieldChecks.requireText(errors, "displayName", displayName, 200);
        URI issuerUri = IdentityProviderConfigBuilder.parseProviderUrl(errors, "issuer", issuer, true);
        if (tokenCheck == null) {
            errors.add(new FieldError("tokenCheck", "must be JWT, INTROSPECTION or BOTH"));
        }
        TokenCheck check = tokenCheck == null ? TokenCheck.JWT : tokenCheck;
        URI jwks = IdentityProviderConfigBuilder.parseProviderUrl(errors, "jwksUri", jwksUri, check.local());
        URI introspection = IdentityProviderConfigBuilder.parseProviderUrl(errors, "introspectionEndpoint",
                introspectionEndpoint, check.remote());
        URI token = IdentityProviderConfigBuilder.parseProviderUrl(errors, "tokenEndpoint", tokenEndpoint, false);
        String client = clientId == null ? "" : clientId.strip();
        if (check.remote() && client.isEmpty()) {
            errors.add(new FieldError("clientId", "must be given: introspection authenticates as this client"));
        }
        FieldChecks.requireSecrets(errors, clientSecret, nextClientSecret);
        String checkedAudience = FieldChecks.requireText(errors, "audience", audience, 500);
        List<String> scopes = checkedScopes(errors);
        checkDuration(errors, "clockSkew", clockSkew, MAX_CLOCK_SKEW);
        checkDuration(errors, "introspectionCacheTime", introspectionCacheTime, MAX_INTROSPECTION_CACHE_TIME);
        List<String> paths = checkedPaths(errors, check);
        List<ClientMapping> mappings = checkedMappings(errors);
        Optional<String> userClaim = optionalText(delegatedUserClaim);
        if (userClaim.isPresent() && !CLAIM.matcher(userClaim.get()).matches()) {
            errors.add(new FieldError("delegatedUserClaim", "must be a claim name (letters, digits, _ . : -)"));
        }
        if (mappings.isEmpty() && userClaim.isEmpty()) {
            errors.add(new FieldError("clientMappings",
                    "must name at least one client (or a claim for user-delegated tokens): otherwise no token is usable"));
        }
        List<AddressRange> proxies = ranges(errors, "trustedProxies", trustedProxies);
        if (!errors.isEmpty()) {
            throw new ConfigurationException("token issuer " + (id == null ? "(no id)" : id) + " is invalid", errors);
        }
        return new TokenIssuerConfig(checkedId, name, enabled, issuerUri.toString(), check, acceptJwtType,
                Optional.ofNullable(jwks), Optional.ofNullable(introspection), Optional.ofNullable(token), client,
                clientSecret, nextClientSecret, Optional.ofNullable(clientSecretExpiresOn), checkedAudience, scopes, allScopesRequired, clockSkew, introspectionCacheTime, paths,
                optionalText(serviceAccountDirectory), mappings, userClaim, proxies);
    }

    private String checkedId(List<FieldError> errors) {
        if (fixedId != null && !fixedId.equals(id)) {
            errors.add(new FieldError("id", "cannot be changed: it is part of the issuer's client secret name"));
            return null;
        }
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "must be 12 lower-case letters and digits"));
            return null;
        }
        return id;
    }

    private List<String> checkedScopes(List<FieldError> errors) {
        List<String> result = new ArrayList<>();
        for (String scope : requiredScopes == null ? List.<String>of() : requiredScopes) {
            if (scope == null || scope.isBlank()) {
                continue;
            }
            if (!SCOPE.matcher(scope.strip()).matches()) {
                errors.add(new FieldError("requiredScopes", "a scope is printable ASCII without spaces or quotes"));
            } else if (!result.contains(scope.strip())) {
                result.add(scope.strip());
            }
        }
        return result;
    }

    private static void checkDuration(List<FieldError> errors, String field, Duration value, Duration max) {
        if (value == null || value.isNegative() || value.compareTo(max) > 0) {
            errors.add(new FieldError(field, "must be between 0 and " + max.toSeconds() + " seconds"));
        }
    }

    private List<String> checkedPaths(List<FieldError> errors, TokenCheck check) {
        List<String> result = new ArrayList<>();
        for (String path : opaqueTokenPaths == null ? List.<String>of() : opaqueTokenPaths) {
            if (path == null || path.isBlank()) {
                continue;
            }
            String value = path.strip();
            if (!value.startsWith("/") || FieldChecks.CONTROL.matcher(value).find() || value.contains("..")) {
                errors.add(new FieldError("opaqueTokenPaths", "a path prefix starts with / (e.g. /rest/api/)"));
            } else {
                result.add(value);
            }
        }
        if (check == TokenCheck.INTROSPECTION && result.isEmpty()) {
            errors.add(new FieldError("opaqueTokenPaths", "must name at least one path prefix: opaque tokens elsewhere"
                    + " (the products' own access tokens) are never sent to the issuer"));
        }
        return result;
    }

    private List<ClientMapping> checkedMappings(List<FieldError> errors) {
        List<ClientMapping> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ClientMapping mapping : clientMappings == null ? List.<ClientMapping>of() : clientMappings) {
            String client = mapping.clientId().strip();
            if (client.isEmpty() || client.length() > 255 || FieldChecks.CONTROL.matcher(client).find()) {
                errors.add(new FieldError("clientMappings", "a client id must be given, one line, at most 255 characters"));
                continue;
            }
            if (!seen.add(client)) {
                errors.add(new FieldError("clientMappings", "client \"" + client + "\" is listed twice"));
                continue;
            }
            if (!ACCOUNT.matcher(mapping.account().strip()).matches()) {
                errors.add(new FieldError("clientMappings", "the account of client \"" + client
                        + "\" must be a username of letters, digits and . _ @ + -"));
                continue;
            }
            if (mapping.maxTokenAge().isPresent() && (mapping.maxTokenAge().get().isNegative()
                    || mapping.maxTokenAge().get().isZero())) {
                errors.add(new FieldError("clientMappings", "the maximum token age of client \"" + client
                        + "\" must be a positive number of seconds"));
                continue;
            }
            result.add(new ClientMapping(client, mapping.account().strip(), mapping.readOnly(), mapping.sourceRanges(),
                    mapping.maxTokenAge()));
        }
        return result;
    }

    /** Each text a CIDR range or an address; the invalid ones are reported. */
    public static List<AddressRange> ranges(List<FieldError> errors, String field, List<String> texts) {
        List<AddressRange> result = new ArrayList<>();
        for (String text : texts == null ? List.<String>of() : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            Optional<AddressRange> range = AddressRange.parse(text);
            if (range.isEmpty()) {
                errors.add(new FieldError(field, "\"" + FieldChecks.CONTROL.matcher(text.strip()).replaceAll("?")
                        + "\" is not an IP address or CIDR range (host names are not looked up)"));
            } else {
                result.add(range.get());
            }
        }
        return result;
    }

    private static Optional<String> optionalText(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
