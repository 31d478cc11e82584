package io.lanyard.core.config;

import io.lanyard.core.http.Urls;
import io.lanyard.core.secret.StoredSecret;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Builds a valid {@link IdentityProviderConfig} or reports every field that is wrong. The one place the rules
 * of a provider's configuration live: the XML loader, the admin UI and the JSON API all build through here.
 */
public final class IdentityProviderConfigBuilder implements IntegrationBuilder<IdentityProviderConfig> {

    public static final String WELL_KNOWN_SUFFIX = "/.well-known/openid-configuration";
    /** JWS algorithms Lanyard can verify. {@code none} is not among them and never will be. */
    public static final Set<String> SUPPORTED_ALGORITHMS = Set.of(
            "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
            "HS256", "HS384", "HS512");
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    private static final Pattern INNER_WHITESPACE = Pattern.compile("\\s");

    private String id;
    private String displayName;
    private boolean enabled = true;
    private String issuer;
    private String discoveryUrl;
    private String clientId;
    private StoredSecret clientSecret = StoredSecret.none();
    private StoredSecret nextClientSecret = StoredSecret.none();
    private LocalDate clientSecretExpiresOn;
    private ClientAuthMethod clientAuthMethod = ClientAuthMethod.CLIENT_SECRET_BASIC;
    private ClientAssertionAudience clientAssertionAudience = ClientAssertionAudience.TOKEN_ENDPOINT;
    private List<String> scopes = IdentityProviderConfig.DEFAULT_SCOPES;
    private String usernameClaim = UsernameMapping.DEFAULT_CLAIM;
    private List<String> fallbackClaims = UsernameMapping.DEFAULT_FALLBACK_CLAIMS;
    private String usernamePattern;
    private boolean lowerCaseUsername;
    private UserLookup userLookup = UserLookup.USERNAME;
    private boolean trustUnverifiedEmail;
    private boolean useUserInfo;
    private Duration clockSkew = IdentityProviderConfig.DEFAULT_CLOCK_SKEW;
    private Collection<String> allowedAlgorithms = IdentityProviderConfig.DEFAULT_ALGORITHMS;
    private Collection<String> trustedAudiences = List.of();
    private Duration maxAuthenticationAge;
    private List<String> acrValues = List.of();
    private ProvisioningSettingsBuilder provisioning = ProvisioningSettings.builder();
    private LogoutSettingsBuilder logout = LogoutSettings.builder();
    private SignInSettingsBuilder signIn = SignInSettings.builder();

    IdentityProviderConfigBuilder() {
    }

    static IdentityProviderConfigBuilder from(IdentityProviderConfig config) {
        IdentityProviderConfigBuilder builder = new IdentityProviderConfigBuilder();
        builder.id = config.id();
        builder.displayName = config.displayName();
        builder.enabled = config.enabled();
        builder.issuer = config.issuer();
        builder.discoveryUrl = config.discoveryUrl().toString();
        builder.clientId = config.clientId();
        builder.clientSecret = config.clientSecret();
        builder.nextClientSecret = config.nextClientSecret();
        builder.clientSecretExpiresOn = config.clientSecretExpiresOn().orElse(null);
        builder.clientAuthMethod = config.clientAuthMethod();
        builder.clientAssertionAudience = config.clientAssertionAudience();
        builder.scopes = config.scopes();
        builder.usernameClaim = config.usernameMapping().claim();
        builder.fallbackClaims = config.usernameMapping().fallbackClaims();
        builder.usernamePattern = config.usernameMapping().pattern().orElse(null);
        builder.lowerCaseUsername = config.usernameMapping().lowerCase();
        builder.userLookup = config.usernameMapping().lookup();
        builder.trustUnverifiedEmail = config.usernameMapping().trustUnverifiedEmail();
        builder.useUserInfo = config.useUserInfo();
        builder.clockSkew = config.clockSkew();
        builder.allowedAlgorithms = config.allowedAlgorithms();
        builder.trustedAudiences = config.trustedAudiences();
        builder.maxAuthenticationAge = config.maxAuthenticationAge().orElse(null);
        builder.acrValues = config.acrValues();
        builder.provisioning = config.provisioning().toBuilder();
        builder.logout = config.logout().toBuilder();
        builder.signIn = config.signIn().toBuilder();
        return builder;
    }

    public IdentityProviderConfigBuilder id(String value) { this.id = value; return this; }
    public IdentityProviderConfigBuilder displayName(String value) { this.displayName = value; return this; }
    public IdentityProviderConfigBuilder enabled(boolean value) { this.enabled = value; return this; }
    /** Optional: when absent, the issuer is derived from the discovery URL. */
    public IdentityProviderConfigBuilder issuer(String value) { this.issuer = value; return this; }
    /** The metadata URL, or the issuer URL (then {@value #WELL_KNOWN_SUFFIX} is appended). */
    public IdentityProviderConfigBuilder discoveryUrl(String value) { this.discoveryUrl = value; return this; }
    public IdentityProviderConfigBuilder clientId(String value) { this.clientId = value; return this; }
    public IdentityProviderConfigBuilder clientSecret(StoredSecret value) { this.clientSecret = value; return this; }
    public IdentityProviderConfigBuilder nextClientSecret(StoredSecret value) { this.nextClientSecret = value; return this; }
    public IdentityProviderConfigBuilder clientSecretExpiresOn(LocalDate value) { this.clientSecretExpiresOn = value; return this; }
    public IdentityProviderConfigBuilder clientAuthMethod(ClientAuthMethod value) { this.clientAuthMethod = value; return this; }
    public IdentityProviderConfigBuilder clientAssertionAudience(ClientAssertionAudience value) { this.clientAssertionAudience = value; return this; }
    public IdentityProviderConfigBuilder scopes(List<String> value) { this.scopes = value; return this; }
    public IdentityProviderConfigBuilder usernameClaim(String value) { this.usernameClaim = value; return this; }
    public IdentityProviderConfigBuilder fallbackClaims(List<String> value) { this.fallbackClaims = value; return this; }
    public IdentityProviderConfigBuilder usernamePattern(String value) { this.usernamePattern = value; return this; }
    public IdentityProviderConfigBuilder lowerCaseUsername(boolean value) { this.lowerCaseUsername = value; return this; }
    public IdentityProviderConfigBuilder userLookup(UserLookup value) { this.userLookup = value; return this; }
    /** Weakens USERNAME_THEN_EMAIL: see {@link UsernameMapping#trustUnverifiedEmail()}. */
    public IdentityProviderConfigBuilder trustUnverifiedEmail(boolean value) { this.trustUnverifiedEmail = value; return this; }
    public IdentityProviderConfigBuilder useUserInfo(boolean value) { this.useUserInfo = value; return this; }
    public IdentityProviderConfigBuilder clockSkew(Duration value) { this.clockSkew = value; return this; }
    public IdentityProviderConfigBuilder allowedAlgorithms(Collection<String> value) { this.allowedAlgorithms = value; return this; }
    public IdentityProviderConfigBuilder trustedAudiences(Collection<String> value) { this.trustedAudiences = value; return this; }
    public IdentityProviderConfigBuilder maxAuthenticationAge(Duration value) { this.maxAuthenticationAge = value; return this; }
    public IdentityProviderConfigBuilder acrValues(List<String> value) { this.acrValues = value; return this; }
    public IdentityProviderConfigBuilder provisioning(ProvisioningSettings value) { this.provisioning = value.toBuilder(); return this; }

    /** The users-and-groups part, to set its fields one by one; built and validated with the provider. */
    public ProvisioningSettingsBuilder provisioning() {
        return provisioning;
    }

    /** The logout settings' own builder part, to set them one by one. */
    public LogoutSettingsBuilder logout() { return logout; }
    public IdentityProviderConfigBuilder logout(LogoutSettings value) { this.logout = value.toBuilder(); return this; }
    public IdentityProviderConfigBuilder signIn(SignInSettings value) { this.signIn = value.toBuilder(); return this; }

    /** The sign-in part (chooser, e-mail domains, accounts), to set its fields one by one; built with the provider. */
    public SignInSettingsBuilder signIn() {
        return signIn;
    }

    /**
     * @throws ConfigurationException listing every invalid field
     */
    public IdentityProviderConfig build() {
        List<FieldError> errors = new ArrayList<>();
        String checkedId = requireMatching(errors, "id", id, ID, "must be 1 to 64 letters and digits");
        String checkedName = FieldChecks.requireText(errors, "displayName", displayName, 200);
        Endpoints endpoints = checkedEndpoints(errors);
        String checkedClientId = FieldChecks.requireText(errors, "clientId", clientId, 255);
        List<String> checkedScopes = checkedScopes(errors);
        UsernameMapping mapping = checkedUsernameMapping(errors);
        Duration checkedSkew = checkedClockSkew(errors);
        Set<String> algorithms = checkedAlgorithms(errors);
        Set<String> audiences = nonBlankSet(errors, "trustedAudiences", trustedAudiences);
        Optional<Duration> maxAge = checkedMaxAuthenticationAge(errors);
        List<String> acr = List.copyOf(nonBlankSet(errors, "acrValues", acrValues));
        ProvisioningSettings checkedProvisioning = provisioning.build(errors);
        LogoutSettings logoutSettings = logout.build(errors);
        SignInSettings checkedSignIn = signIn.build(errors);
        FieldChecks.requireSecrets(errors, clientSecret, nextClientSecret);
        if (clientAuthMethod == null) {
            errors.add(new FieldError("clientAuthMethod",
                    "must be client_secret_basic, client_secret_post or private_key_jwt"));
        }
        if (clientAssertionAudience == null) {
            errors.add(new FieldError("clientAssertionAudience", "must be token_endpoint or issuer"));
        }
        checkSignedWithSecret(errors, algorithms);
        if (!errors.isEmpty()) {
            throw new ConfigurationException("identity provider " + (id == null ? "(no id)" : id) + " is invalid", errors);
        }
        return new IdentityProviderConfig(checkedId, checkedName, enabled, endpoints.issuer, endpoints.discovery,
                checkedClientId, clientSecret, nextClientSecret, Optional.ofNullable(clientSecretExpiresOn),
                clientAuthMethod, clientAssertionAudience, checkedScopes, mapping, useUserInfo, checkedSkew,
                algorithms, audiences, maxAge, acr, checkedProvisioning, logoutSettings, checkedSignIn);
    }

    /**
     * The metadata URL the builder would use for {@code value} (a metadata URL, or an issuer URL to which
     * {@value #WELL_KNOWN_SUFFIX} is appended), checked by the same rules; for the admin UI's "Fetch" before a
     * whole provider exists.
     *
     * @throws ConfigurationException with the errors of field {@code discoveryUrl}
     */
    public static URI discoveryUrlOf(String value) {
        List<FieldError> errors = new ArrayList<>();
        URI discovery = parseProviderUrl(errors, "discoveryUrl", value, true);
        if (discovery == null) {
            throw new ConfigurationException("discovery URL is invalid", errors);
        }
        String text = discovery.toString();
        return text.endsWith(WELL_KNOWN_SUFFIX) ? discovery : URI.create(stripTrailingSlash(text) + WELL_KNOWN_SUFFIX);
    }

    private record Endpoints(String issuer, URI discovery) {
    }

    private Endpoints checkedEndpoints(List<FieldError> errors) {
        URI discovery = parseProviderUrl(errors, "discoveryUrl", discoveryUrl, true);
        if (discovery == null) {
            return new Endpoints(null, null);
        }
        String text = discovery.toString();
        String derivedIssuer;
        if (text.endsWith(WELL_KNOWN_SUFFIX)) {
            derivedIssuer = text.substring(0, text.length() - WELL_KNOWN_SUFFIX.length());
        } else {
            derivedIssuer = text;
            discovery = URI.create(stripTrailingSlash(text) + WELL_KNOWN_SUFFIX);
        }
        if (issuer == null || issuer.isBlank()) {
            return new Endpoints(derivedIssuer, discovery);
        }
        URI explicitIssuer = parseProviderUrl(errors, "issuer", issuer.strip(), true);
        return new Endpoints(explicitIssuer == null ? null : issuer.strip(), discovery);
    }

    /**
     * OIDC Discovery 1.0 §3: the issuer is an https URL without query or fragment. Plain http is accepted only
     * for loopback addresses (a provider on the same machine, as in the sandbox and in tests).
     */
    static URI parseProviderUrl(List<FieldError> errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "must be given"));
            }
            return null;
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            errors.add(new FieldError(field, "is not a valid URL"));
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null) {
            errors.add(new FieldError(field, "must be an absolute https URL"));
            return null;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            errors.add(new FieldError(field, "must not contain a query, a fragment or user credentials"));
            return null;
        }
        if (scheme.equals("http") && !Urls.isLoopbackHost(uri.getHost())) {
            errors.add(new FieldError(field, "must use https (plain http is accepted only for localhost)"));
            return null;
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            errors.add(new FieldError(field, "must be an https URL"));
            return null;
        }
        return uri;
    }

    private static String stripTrailingSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private List<String> checkedScopes(List<FieldError> errors) {
        LinkedHashSet<String> result = new LinkedHashSet<>();
        // OIDC Core §3.1.2.1: the scope must contain "openid"; it is added rather than refused.
        result.add("openid");
        for (String scope : scopes == null ? List.<String>of() : scopes) {
            if (scope == null || scope.isBlank()) {
                continue;
            }
            if (!SCOPE_TOKEN.matcher(scope).matches()) {
                errors.add(new FieldError("scopes", "\"" + printable(scope) + "\" is not a valid scope"));
            } else {
                result.add(scope);
            }
        }
        return List.copyOf(result);
    }

    private UsernameMapping checkedUsernameMapping(List<FieldError> errors) {
        String claim = FieldChecks.requireText(errors, "usernameClaim", usernameClaim, 100);
        List<String> fallbacks = List.copyOf(nonBlankSet(errors, "fallbackClaims",
                fallbackClaims == null ? List.of() : fallbackClaims));
        Optional<String> pattern = Optional.ofNullable(usernamePattern).filter(p -> !p.isBlank());
        pattern.ifPresent(p -> {
            try {
                Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                errors.add(new FieldError("usernamePattern", "is not a valid regular expression: " + e.getDescription()));
            }
        });
        if (userLookup == null) {
            errors.add(new FieldError("userLookup", "must be given"));
        }
        if (claim == null || userLookup == null) {
            return null;
        }
        return new UsernameMapping(claim, fallbacks, pattern, lowerCaseUsername, userLookup, trustUnverifiedEmail);
    }

    private Duration checkedClockSkew(List<FieldError> errors) {
        if (clockSkew == null || clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            errors.add(new FieldError("clockSkew", "must be between 0 and " + MAX_CLOCK_SKEW.toSeconds() + " seconds"));
            return null;
        }
        return clockSkew;
    }

    private Set<String> checkedAlgorithms(List<FieldError> errors) {
        Set<String> result = new LinkedHashSet<>();
        for (String alg : allowedAlgorithms == null ? List.<String>of() : allowedAlgorithms) {
            if (alg == null || alg.isBlank()) {
                continue;
            }
            String value = alg.strip();
            if (value.equalsIgnoreCase("none")) {
                errors.add(new FieldError("allowedAlgorithms", "\"none\" (unsigned tokens) is never accepted"));
            } else if (!SUPPORTED_ALGORITHMS.contains(value)) {
                errors.add(new FieldError("allowedAlgorithms", "\"" + printable(value) + "\" is not a supported algorithm"));
            } else {
                result.add(value);
            }
        }
        if (result.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("allowedAlgorithms"))) {
            errors.add(new FieldError("allowedAlgorithms", "must name at least one algorithm"));
        }
        return result;
    }

    /**
     * OIDC Core §10.1: HS* ID tokens are signed with the client secret as the key. With {@code private_key_jwt}
     * Lanyard holds no client secret, so such a token could never be checked.
     */
    private void checkSignedWithSecret(List<FieldError> errors, Set<String> algorithms) {
        if (clientAuthMethod == ClientAuthMethod.PRIVATE_KEY_JWT && algorithms.stream().anyMatch(a -> a.startsWith("HS"))) {
            errors.add(new FieldError("allowedAlgorithms", "HS256, HS384 and HS512 use the client secret as the key, "
                    + "and private_key_jwt uses none: choose RS256 (or another public-key algorithm)"));
        }
    }

    private Optional<Duration> checkedMaxAuthenticationAge(List<FieldError> errors) {
        if (maxAuthenticationAge == null) {
            return Optional.empty();
        }
        if (maxAuthenticationAge.isNegative()) {
            errors.add(new FieldError("maxAuthenticationAge", "must not be negative"));
        }
        return Optional.of(maxAuthenticationAge);
    }

    private static Set<String> nonBlankSet(List<FieldError> errors, String field, Collection<String> values) {
        Set<String> result = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            if (FieldChecks.CONTROL.matcher(value).find()) {
                errors.add(new FieldError(field, "must not contain control characters"));
            } else if (INNER_WHITESPACE.matcher(value.strip()).find()) {
                // Lists are space-separated in provider.xml (and acr_values on the wire, OIDC Core §3.1.2.1):
                // a value with a space in it would come back as two values.
                errors.add(new FieldError(field, "each value must be a single word without spaces"));
            } else {
                result.add(value.strip());
            }
        }
        return result;
    }

    private static String requireMatching(List<FieldError> errors, String field, String value, Pattern pattern,
            String rule) {
        if (value == null || !pattern.matcher(value).matches()) {
            errors.add(new FieldError(field, rule));
            return null;
        }
        return value;
    }

    /** For error messages: control characters replaced, length capped. */
    private static String printable(String value) {
        String cleaned = FieldChecks.CONTROL.matcher(value).replaceAll("?");
        return cleaned.length() > 60 ? cleaned.substring(0, 60) + "…" : cleaned;
    }
}
